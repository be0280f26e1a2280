using GovEval.Core.Frameworks;

namespace GovEval.Core.Results.Stability;

/// <summary>
/// Whether a unit's grade survives other weights. <see cref="Basis"/> is what the grade is decided on (the total,
/// or the framework's grade-basis such as the 2019 check's Part 2) at the framework's precision; the interval runs
/// between the settings' percentiles of its re-aggregated values. <see cref="Robust"/> is false (不稳健) when the
/// interval crosses a grade boundary: the grade at either end differs from the published one.
/// <see cref="SameGradeShare"/> is the share of samples (0–1, three decimals) that give the published grade.
/// <see cref="BasisName"/> names what the grade is decided on (总分, or the grade-basis indicator's name) and
/// <see cref="Precision"/> its decimals.
/// </summary>
public sealed record GradeStability(string Grade, decimal Basis, decimal BasisLow, decimal BasisHigh, string LowGrade, string HighGrade, decimal SameGradeShare, string BasisName, int Precision)
{
    public bool Robust => LowGrade == Grade && HighGrade == Grade;
}

/// <summary>
/// One unit's standing under the alternative weightings, within one cohort. Ranks (ranked cohorts only) are, per
/// sample, the published rank moved by the net number of units that overtake the unit or that it overtakes (totals
/// rounded to the cohort's precision); <see cref="RankLow"/> is the better end of the interval (the low percentile of the rank numbers) and
/// <see cref="RankHigh"/> the worse end. Totals are at the cohort's precision. Percentiles are nearest-rank: the
/// p-th percentile of N sorted values is the ⌈pN/100⌉-th, so every bound is a value some sample produced.
/// </summary>
public sealed record UnitStability(
    int? Rank,
    int? MedianRank,
    int? RankLow,
    int? RankHigh,
    decimal Total,
    decimal MedianTotal,
    decimal TotalLow,
    decimal TotalHigh,
    GradeStability? Grade);

/// <summary>
/// A release's stability analysis: the settings it ran with, or why it did not run (<see cref="Withheld"/>, in
/// Chinese), and each assessed, unvetoed unit's result per cohort. Vetoed units have none: a veto is not a weight.
/// </summary>
public sealed record StabilityResults(StabilitySettings? Settings, string? Withheld, IReadOnlyDictionary<string, IReadOnlyDictionary<string, UnitStability>> Cohorts)
{
    public static StabilityResults None(string reason) => new(null, reason, new Dictionary<string, IReadOnlyDictionary<string, UnitStability>>());

    public bool Computed => Settings is not null && Withheld is null;

    public UnitStability? Of(string cohortId, string code) =>
        Cohorts.TryGetValue(cohortId, out var units) ? units.GetValueOrDefault(code) : null;
}
