using GovEval.Core.Registry;

namespace GovEval.Core.Results;

/// <summary>
/// A unit's standing in a cohort. <see cref="Total"/> is the total as published (rounded to the cohort's
/// precision), null when the unit was not assessed or only its grade is known (last year's grade table);
/// <see cref="Rank"/> is null in graded cohorts, for vetoed units and for units not assessed, and
/// <see cref="NotAssessedReason"/> says why a unit is not assessed (in Chinese, as published).
/// </summary>
public sealed record UnitResult(Unit Unit, decimal? Total, string? Grade, int? Rank, bool Vetoed, string? NotAssessedReason = null)
{
    public bool Assessed => Total is not null || Grade is not null;
}

/// <summary>Units sharing one dense rank, in the cohort's tie order.</summary>
public sealed record RankGroup(int Rank, IReadOnlyList<UnitResult> Units);

/// <summary>Units of one grade, in official order (注：按照行政区划排序，排名不分先后).</summary>
public sealed record GradeGroup(string Grade, string Label, IReadOnlyList<UnitResult> Units);

/// <summary>
/// A cohort's published results. <see cref="Units"/> is publication order: ranked cohorts by rank then tie
/// order; graded cohorts by grade then official order; vetoed and not-assessed units last.
/// </summary>
public sealed record CohortResults(
    Cohort Cohort,
    IReadOnlyList<UnitResult> Units,
    IReadOnlyList<RankGroup> Ranks,
    IReadOnlyList<GradeGroup> Grades,
    IReadOnlyList<UnitResult> NotAssessed)
{
    /// <summary>Ranks 1..Top; holds more than Top units when ranks are shared (the 2020 组成部门 list holds 12).</summary>
    public IReadOnlyList<RankGroup> Top => Ranks.Where(r => r.Rank <= Cohort.Top).ToList();

    /// <summary>True when every assessed unit fits in the top list (直辖市: 4 units): the list is the whole result.</summary>
    public bool TopIsComplete => Ranks.All(r => r.Rank <= Cohort.Top);
}
