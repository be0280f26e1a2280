namespace GovEval.Core.Registry;

public enum CohortResult
{
    Ranked,
    Graded,
}

/// <summary>How units of equal standing are listed: the official sequence unless a cohort says otherwise.</summary>
public enum TieOrder
{
    Official,
    Code,
    Input,
}

/// <summary>Which units belong to a cohort; every non-empty condition must hold.</summary>
public sealed record CohortSelector(
    IReadOnlyList<UnitLevel> Levels,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> AnyTags,
    IReadOnlyList<string> ExcludeTags,
    IReadOnlyList<string> Codes,
    IReadOnlyList<string> ExcludeCodes)
{
    /// <summary>
    /// A run's sample (抽查): when set, only these units of the cohort are assessed. Kept apart from
    /// <see cref="Codes"/> so an empty intersection means "no member", never "every unit".
    /// </summary>
    public IReadOnlySet<string>? Sample { get; init; }

    public bool Matches(Unit unit) =>
        (Sample is null || Sample.Contains(unit.Code))
        && (Levels.Count == 0 || Levels.Contains(unit.Level))
        && (Kinds.Count == 0 || Kinds.Contains(unit.Kind, StringComparer.Ordinal))
        && Tags.All(unit.HasTag)
        && (AnyTags.Count == 0 || AnyTags.Any(unit.HasTag))
        && !ExcludeTags.Any(unit.HasTag)
        && (Codes.Count == 0 || Codes.Contains(unit.Code, StringComparer.Ordinal))
        && !ExcludeCodes.Contains(unit.Code, StringComparer.Ordinal);
}

/// <summary>
/// A set of units graded or ranked together. <see cref="Label"/> is the form used in list titles
/// (省、自治区政府网站前10名); <see cref="Precision"/> is the decimals totals are rounded to before ranking.
/// </summary>
public sealed record Cohort(
    string Id,
    string Name,
    string Label,
    CohortResult Result,
    int Top,
    int Precision,
    TieOrder TieOrder,
    string Note,
    CohortSelector Members);
