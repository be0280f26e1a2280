using GovEval.Core.Registry;

namespace GovEval.Core.Results;

/// <summary>A unit's grade last round and this round within one cohort (null where it had none).</summary>
public sealed record GradePair(Unit Unit, string CohortId, string? Before, string? After);

/// <summary>
/// Year-over-year grade movements: how many units held each grade before and after, who moved from which grade,
/// and the sentences the release prints, one per grade best first (grades nobody held in either year are skipped).
/// </summary>
public static class GradeTransitions
{
    public static TransitionSummary Summarise(string scope, string scopeName, GradeScale grades, IReadOnlyList<GradePair> pairs)
    {
        var counts = new List<GradeCount>();
        var sentences = new List<string>();
        var movements = pairs
            .Where(p => p.Before is not null && p.After is not null && p.Before != p.After)
            .Select(p => new Movement(p.Unit, p.CohortId, p.Before!, p.After!))
            .ToList();
        foreach (var grade in grades.Order)
        {
            var before = pairs.Count(p => p.Before == grade);
            var after = pairs.Count(p => p.After == grade);
            var incoming = movements.Where(m => m.To == grade).ToList();
            if (before == 0 && after == 0)
            {
                continue;
            }

            counts.Add(new GradeCount(grade, grades.Label(grade), before, after));
            var target = grades.Rank(grade);
            var risers = From(incoming.Where(m => grades.Rank(m.From) > target), grades);
            var fallers = From(incoming.Where(m => grades.Rank(m.From) < target), grades);
            sentences.Add(TransitionSentences.For(grades.Label(grade), before, after, risers, fallers));
        }

        return new TransitionSummary(scope, scopeName, counts, movements, sentences);
    }

    /// <summary>Movers grouped by the grade they left, in grade order (best first).</summary>
    private static List<(string FromLabel, int Count)> From(IEnumerable<Movement> movers, GradeScale grades) =>
        movers.GroupBy(m => m.From)
            .OrderBy(g => grades.Rank(g.Key))
            .Select(g => (grades.Label(g.Key), g.Count()))
            .ToList();
}
