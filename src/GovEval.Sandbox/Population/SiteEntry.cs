using GovEval.Core.Registry;
using GovEval.Sandbox.Quality;

namespace GovEval.Sandbox.Population;

/// <summary>
/// One site of the population in a few dozen bytes: everything else about it (columns, pages, defects) is
/// regenerated from (seed, index) when a request needs it, which is what keeps 14,475 sites in bounded memory.
/// </summary>
public sealed record SiteEntry(
    int Index,
    string Host,
    Unit Unit,
    int Department,
    SiteCategory Category,
    QualityTier Tier,
    Intent Intents,
    FaultKind Faults)
{
    public bool IsPortal => Department < 0;

    public Department? DepartmentInfo => Department < 0 ? null : Departments.All[Department];

    /// <summary>Site name as its header shows it, and the publisher its articles name: 深圳市人民政府, 广东省教育厅, 财政部.</summary>
    public string Name => DepartmentInfo is { } d
        ? Unit.Name + d.Name(Unit.Level == UnitLevel.Province)
        : Unit.Level == UnitLevel.Central || Unit.Kind == "corps" ? Unit.Name : Unit.Name + "人民政府";
}
