using GovEval.Core.Registry;

using GovEval.Core.Scoring;

namespace GovEval.Core.Results;

/// <summary>
/// Turns a cohort's scores into its published standing. Ranked cohorts: totals rounded to the cohort's precision
/// (half away from zero, 四舍五入) are compared, equal totals share a dense rank (第四名 科技部 水利部, then 第五名),
/// ties follow the cohort's tie order; vetoed units are not ranked. Graded cohorts: grade groups best first, units
/// inside a grade in the cohort's tie order (official by default: 按照行政区划排序，排名不分先后). Members without
/// a score are listed as not assessed.
/// </summary>
public static class CohortRanker
{
    /// <summary>The reason published for a member that has no score at all (no sheet, no row of the table).</summary>
    public const string NoScore = "无评分";

    public static CohortResults Rank(Cohort cohort, IReadOnlyList<Unit> members, IReadOnlyDictionary<string, UnitScore> scores, GradeScale grades)
    {
        var tie = TieOrdering.Comparer(cohort.TieOrder, u => scores.TryGetValue(u.Code, out var s) ? s.InputOrder : null);
        var assessed = new List<UnitResult>();
        var notAssessed = new List<UnitResult>();
        foreach (var unit in members)
        {
            if (!scores.TryGetValue(unit.Code, out var score) || (score.Total is null && score.Grade is null))
            {
                notAssessed.Add(new UnitResult(unit, null, null, null, false, score?.NotAssessedReason ?? NoScore));
                continue;
            }

            var total = score.Total is { } t ? Rounding.Round(t, cohort.Precision) : (decimal?)null;

            // A grade decided elsewhere (the engine, a grade column) is published as stated; otherwise the total
            // as published (rounded) decides it, so a listed 85.0 is never shown as 良好.
            var grade = score.Grade
                ?? (total is { } rounded ? grades.Grade(rounded, score.Vetoed) : score.Vetoed ? grades.VetoGrade : null);
            assessed.Add(new UnitResult(unit, total, grade, null, score.Vetoed));
        }

        notAssessed.Sort((a, b) => tie.Compare(a.Unit, b.Unit));
        return cohort.Result == CohortResult.Ranked
            ? Ranked(cohort, assessed, notAssessed, tie)
            : Graded(cohort, assessed, notAssessed, tie, grades);
    }

    private static CohortResults Ranked(Cohort cohort, List<UnitResult> assessed, List<UnitResult> notAssessed, IComparer<Unit> tie)
    {
        var rankable = assessed.Where(r => !r.Vetoed && r.Total is not null).ToList();
        var ranks = rankable.Select(r => r.Total!.Value).Distinct().OrderDescending()
            .Select((total, index) => (total, rank: index + 1))
            .ToDictionary(x => x.total, x => x.rank);
        var groups = rankable
            .Select(r => r with { Rank = ranks[r.Total!.Value] })
            .GroupBy(r => r.Rank!.Value)
            .OrderBy(g => g.Key)
            .Select(g => new RankGroup(g.Key, g.OrderBy(r => r.Unit, tie).ToList()))
            .ToList();
        var unranked = assessed.Where(r => r.Vetoed || r.Total is null).OrderBy(r => r.Unit, tie);
        var units = groups.SelectMany(g => g.Units).Concat(unranked).Concat(notAssessed).ToList();
        return new CohortResults(cohort, units, groups, [], notAssessed);
    }

    private static CohortResults Graded(Cohort cohort, List<UnitResult> assessed, List<UnitResult> notAssessed, IComparer<Unit> tie, GradeScale grades)
    {
        var groups = grades.Order
            .Select(g => new GradeGroup(g, grades.Label(g), assessed.Where(r => r.Grade == g).OrderBy(r => r.Unit, tie).ToList()))
            .Where(g => g.Units.Count > 0)
            .ToList();
        var ungraded = assessed.Where(r => r.Grade is null || grades.Rank(r.Grade) == int.MaxValue).OrderBy(r => r.Unit, tie);
        var units = groups.SelectMany(g => g.Units).Concat(ungraded).Concat(notAssessed).ToList();
        return new CohortResults(cohort, units, [], groups, notAssessed);
    }
}
