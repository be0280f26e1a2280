using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Scoring;

namespace GovEval.Publish;

/// <summary>A unit's innovation case: the points its innovation indicators earned and the case's title.</summary>
public sealed record InnovationCase(Unit Unit, decimal Points, string? Title);

/// <summary>
/// The "十大"优秀创新案例 of a cohort, read from the score sheets: units whose sheet has a leaf under
/// <see cref="IndicatorPrefix"/> (innovation.cases, innovation.case — whatever the framework calls it) that earned
/// points, the best <see cref="Listed"/> by those points, listed in official order as the release prints them.
/// Vetoed units are left out: a veto outweighs any case. Releases from a table of totals have no sheets, hence no cases.
/// </summary>
public static class InnovationCases
{
    public const string IndicatorPrefix = "innovation.";

    public const int Listed = 10;

    private static readonly IComparer<Unit> Official = TieOrdering.Comparer(TieOrder.Official, _ => null);

    /// <summary>Every cohort of the release that has cases, in the release's cohort order.</summary>
    public static IReadOnlyList<(CohortResults Cohort, IReadOnlyList<InnovationCase> Cases)> ByCohort(Release release) =>
        release.Cohorts.Select(c => (Cohort: c, Cases: Of(release, c))).Where(c => c.Cases.Count > 0).ToList();

    public static IReadOnlyList<InnovationCase> Of(Release release, CohortResults cohort)
    {
        var cases = cohort.Units
            .Where(u => u.Assessed && !u.Vetoed)
            .Select(u => release.Sheets.TryGetValue(u.Unit.Code, out var sheet) ? Case(u.Unit, sheet) : null)
            .OfType<InnovationCase>()
            .OrderByDescending(c => c.Points)
            .ToList();

        // Units level with the tenth are all listed: which of equal cases to drop would be an arbitrary choice.
        if (cases.Count > Listed)
        {
            var last = cases[Listed - 1].Points;
            cases = cases.TakeWhile(c => c.Points >= last).ToList();
        }

        return cases.OrderBy(c => c.Unit, Official).ToList();
    }

    private static InnovationCase? Case(Unit unit, ScoreSheet sheet)
    {
        var leaves = sheet.Nodes()
            .Where(n => n.Children.Count == 0 && n.Id.StartsWith(IndicatorPrefix, StringComparison.Ordinal) && n.Status == NodeStatus.Scored && n.Earned > 0)
            .ToList();
        if (leaves.Count == 0)
        {
            return null;
        }

        // The engine keeps an input row's evidence column (the case as the experts named it) in EvidenceRef.Url.
        var title = leaves
            .OrderByDescending(l => l.Earned)
            .SelectMany(l => l.Lines)
            .SelectMany(l => l.Evidence)
            .Where(e => e.Kind == "input")
            .Select(e => e.Url?.Trim())
            .FirstOrDefault(t => !string.IsNullOrEmpty(t));
        return new InnovationCase(unit, leaves.Sum(l => l.Earned), title);
    }
}
