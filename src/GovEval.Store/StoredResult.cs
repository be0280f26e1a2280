namespace GovEval.Store;

/// <summary>
/// A unit's stored standing in a cohort of a run, as results computed it; <see cref="Position"/> is the
/// publication order inside the cohort. Total and rank are null for units not assessed.
/// </summary>
public sealed record StoredResult(
    string CohortId,
    string UnitCode,
    decimal? Total,
    string? Grade,
    int? Rank,
    bool Vetoed,
    int Position);
