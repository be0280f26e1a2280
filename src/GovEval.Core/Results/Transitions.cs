using GovEval.Core.Registry;

namespace GovEval.Core.Results;

/// <summary>How many units held a grade last round and this round.</summary>
public sealed record GradeCount(string Grade, string Label, int Before, int After);

/// <summary>A unit that changed grade between rounds.</summary>
public sealed record Movement(Unit Unit, string CohortId, string From, string To);

/// <summary>
/// Year-over-year grade movements for one cohort or the whole release (<see cref="Scope"/> "all"), with the
/// sentences the release prints: 优秀级：由15个上升至18个，其中3个良好级升至优秀级.
/// </summary>
public sealed record TransitionSummary(
    string Scope,
    string ScopeName,
    IReadOnlyList<GradeCount> Counts,
    IReadOnlyList<Movement> Movements,
    IReadOnlyList<string> Sentences);

/// <summary>A ranked unit's rank last round and this round (null where it was not ranked).</summary>
public sealed record RankChange(Unit Unit, string CohortId, int? Before, int? After)
{
    /// <summary>Positive when the unit moved up.</summary>
    public int? Delta => Before is { } b && After is { } a ? b - a : null;
}
