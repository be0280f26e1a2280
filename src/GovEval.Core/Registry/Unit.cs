namespace GovEval.Core.Registry;

/// <summary>Administrative level of an assessed unit; cohorts and short names depend on it.</summary>
public enum UnitLevel
{
    Central,
    Province,
    Prefecture,
    County,
}

/// <summary>
/// One assessed unit (评估对象). <see cref="Order"/> is the official listing order (行政区划序列 or
/// 国务院机构序列): published lists sort ties and grade lists by it, never by name.
/// </summary>
public sealed record Unit(
    string Code,
    string Name,
    string Short,
    UnitLevel Level,
    string Kind,
    string? Parent,
    long Order,
    IReadOnlyList<string> Tags)
{
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);
}
