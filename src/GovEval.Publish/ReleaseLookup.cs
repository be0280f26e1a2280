using GovEval.Core.Registry;
using GovEval.Core.Results;

namespace GovEval.Publish;

/// <summary>Finds things in a release by key, so renderers can cross-reference without recomputing anything.</summary>
public sealed class ReleaseLookup
{
    private readonly Dictionary<string, Unit> units = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Cohort, string Code), RankChange> rankChanges = [];
    private readonly Dictionary<string, List<(CohortResults Cohort, UnitResult Result)>> standings = new(StringComparer.Ordinal);

    public ReleaseLookup(Release release)
    {
        Release = release;
        foreach (var cohort in release.Cohorts)
        {
            foreach (var result in cohort.Units)
            {
                units.TryAdd(result.Unit.Code, result.Unit);
                if (!standings.TryGetValue(result.Unit.Code, out var list))
                {
                    standings[result.Unit.Code] = list = [];
                }

                list.Add((cohort, result));
            }
        }

        foreach (var change in release.RankChanges)
        {
            rankChanges[(change.CohortId, change.Unit.Code)] = change;
        }
    }

    public Release Release { get; }

    public Unit? Unit(string code) => units.GetValueOrDefault(code);

    /// <summary>The unit's result in every cohort of the release it belongs to.</summary>
    public IReadOnlyList<(CohortResults Cohort, UnitResult Result)> Standings(string code) =>
        standings.TryGetValue(code, out var list) ? list : [];

    public RankChange? RankChange(string cohortId, string code) => rankChanges.GetValueOrDefault((cohortId, code));

    public bool HasRankChanges(string cohortId) => Release.RankChanges.Any(c => c.CohortId == cohortId);

    public string GradeLabel(string? grade) => grade is null ? "" : Release.Framework.Grades.Label(grade);

    /// <summary>The unit's standing under other weights in a cohort, when the release has the analysis.</summary>
    public Core.Results.Stability.UnitStability? Stability(string cohortId, string code) => Release.Stability.Of(cohortId, code);

    /// <summary>Why the unit's total moved since the earlier round, when the release compares rounds.</summary>
    public Core.Results.Changes.UnitChange? Change(string code) => Release.Changes?.Units.GetValueOrDefault(code);

    /// <summary>Units with a change attribution, in publication order.</summary>
    public IEnumerable<Core.Results.Changes.UnitChange> ChangesInOrder() =>
        Release.Changes is not { } changes
            ? []
            : Release.Cohorts.SelectMany(c => c.Units).Select(u => u.Unit.Code).Distinct(StringComparer.Ordinal)
                .Where(changes.Units.ContainsKey).Select(code => changes.Units[code]);

    /// <summary>Score sheets in publication order (the order units first appear in the cohorts).</summary>
    public IEnumerable<Core.Scoring.ScoreSheet> SheetsInOrder() =>
        Release.Cohorts.SelectMany(c => c.Units)
            .Select(u => u.Unit.Code)
            .Distinct(StringComparer.Ordinal)
            .Where(Release.Sheets.ContainsKey)
            .Select(code => Release.Sheets[code]);
}
