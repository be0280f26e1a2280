using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Core.Results.Changes;
using GovEval.Core.Results.Stability;
using GovEval.Core.Scoring;
using GovEval.Core.Tables;

namespace GovEval.Core.Results;

/// <summary>
/// Computes everything a publication shows (grades, ranks, top lists, movements, rank changes, statistics) from
/// either a table of totals scored elsewhere (<c>publish --scores</c>) or the engine's score sheets of a run
/// (<c>publish --run</c>). Pure: tables arrive already read, nothing is written.
/// </summary>
public sealed class ReleaseBuilder
{
    private readonly Framework framework;
    private readonly UnitRegistry registry;
    private readonly IReadOnlyList<Cohort> cohorts;
    private readonly GradeScale grades;

    public ReleaseBuilder(Framework framework, UnitRegistry registry, IEnumerable<Cohort> cohorts)
    {
        this.framework = framework;
        this.registry = registry;
        this.cohorts = cohorts.DistinctBy(c => c.Id).ToList();
        grades = GradeScale.Of(framework);
        if (this.cohorts.Count == 0)
        {
            throw new InputException("--cohort", "name at least one cohort to publish");
        }

        var ungradable = this.cohorts.FirstOrDefault(c => c.Result == CohortResult.Graded && grades.Bands.Count == 0);
        if (ungradable is not null)
        {
            throw new InputException("--cohort", $"cohort '{ungradable.Id}' is published as grades, but framework '{framework.Id}' defines none; choose a framework with grades");
        }
    }

    /// <summary>From a <c>unit,total</c> table, with last year's table (totals or grades) for movements.</summary>
    public Release FromTotals(Table totals, Table? previous, ReleaseOptions options)
    {
        var resolver = new UnitResolver(registry, cohorts);
        var current = ScoresTable.Read(totals, resolver, grades, framework.Max, requireTotal: true);
        var before = previous is null ? null : ScoresTable.Read(previous, resolver, grades, framework.Max, requireTotal: false);
        return Build(current, before, new Dictionary<string, ScoreSheet>(StringComparer.Ordinal), engineVersion: null, options);
    }

    /// <summary>
    /// From the engine's score sheets (total, veto and grade already decided), in run order, with last round's
    /// sheets for movements and change attribution. Sheets of units outside the published cohorts are left out.
    /// </summary>
    /// <param name="previousFramework">The framework the earlier sheets were scored with, when it is not this one.</param>
    public Release FromSheets(IReadOnlyList<ScoreSheet> sheets, IReadOnlyList<ScoreSheet>? previous, ReleaseOptions options, Framework? previousFramework = null)
    {
        var foreign = sheets.FirstOrDefault(s => s.FrameworkId != framework.Id);
        if (foreign is not null)
        {
            throw new InputException("--run", $"the score sheet of {foreign.UnitCode} was scored with '{foreign.FrameworkId}', not '{framework.Id}'");
        }

        var members = cohorts.SelectMany(registry.Members).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var published = sheets.Where(s => members.Contains(s.UnitCode)).ToList();
        var duplicate = published.GroupBy(s => s.UnitCode, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InputException("--run", $"unit {duplicate.Key} has {duplicate.Count()} score sheets; a run scores each unit once");
        }

        var repeated = previous?.Where(s => members.Contains(s.UnitCode)).GroupBy(s => s.UnitCode, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InputException("--compare", $"unit {repeated.Key} has {repeated.Count()} score sheets in the earlier run; a run scores each unit once");
        }

        var engine = string.Join(", ", published.Select(s => s.EngineVersion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var byCode = published.ToDictionary(s => s.UnitCode, StringComparer.Ordinal);
        var release = Build(
            Scores(published, members),
            previous is null ? null : Scores(previous, members),
            byCode,
            engine.Length == 0 ? null : engine,
            options);
        return previous is null
            ? release
            : release with
            {
                Changes = ChangeAttributor.Between(
                    framework,
                    previousFramework,
                    byCode,
                    previous.Where(s => members.Contains(s.UnitCode)).ToList(),
                    release.Cohorts.SelectMany(c => c.Units).Select(u => u.Unit.Code),
                    options.PreviousRun),
            };
    }

    private List<UnitScore> Scores(IReadOnlyList<ScoreSheet> sheets, HashSet<string> members) =>
        sheets.Where(s => members.Contains(s.UnitCode))
            .Select((s, index) => new UnitScore(
                registry.Find(s.UnitCode)!,
                s.Assessed ? s.Total : null,
                s.Vetoed,
                s.Assessed ? s.Grade : null,
                index,
                s.Assessed ? null : s.NotAssessedReason ?? string.Join("", s.Notes)))
            .ToList();

    private Release Build(IReadOnlyList<UnitScore> current, IReadOnlyList<UnitScore>? previous, IReadOnlyDictionary<string, ScoreSheet> sheets, string? engineVersion, ReleaseOptions options)
    {
        var now = current.ToDictionary(s => s.Unit.Code, StringComparer.Ordinal);
        var results = cohorts.Select(c => CohortRanker.Rank(c, registry.Members(c), now, grades)).ToList();
        IReadOnlyList<TransitionSummary> transitions = [];
        IReadOnlyList<RankChange> rankChanges = [];
        if (previous is not null)
        {
            var before = previous.ToDictionary(s => s.Unit.Code, StringComparer.Ordinal);
            var earlier = cohorts.Select(c => CohortRanker.Rank(c, registry.Members(c), before, grades)).ToList();
            transitions = Transitions(earlier, results);
            rankChanges = results.Zip(earlier)
                .Where(p => p.First.Cohort.Result == CohortResult.Ranked && p.Second.Ranks.Count > 0)
                .SelectMany(p => RankChanges.Between(p.Second, p.First))
                .ToList();
        }

        return new Release(
            options.Title ?? framework.Release.Title ?? $"{options.Year}年{framework.Name}结果",
            options.Run,
            options.Year,
            previous is null ? null : options.PreviousYear ?? options.Year - 1,
            new ReleaseFramework(framework.Id, framework.Version, framework.Name, engineVersion, grades),
            framework.Release.GradeListTitle,
            framework.Release.TopListTitle,
            framework.Release.FullListTitle,
            results,
            transitions,
            rankChanges,
            Statistics(results, sheets),
            sheets)
        {
            Stability = RankStability.Compute(framework, results, sheets),
        };
    }

    /// <summary>The whole release first (a unit in two graded cohorts counts once), then each graded cohort.</summary>
    private List<TransitionSummary> Transitions(IReadOnlyList<CohortResults> earlier, IReadOnlyList<CohortResults> results)
    {
        var perCohort = results.Zip(earlier)
            .Where(p => p.First.Cohort.Result == CohortResult.Graded)
            .Select(p =>
            {
                var before = p.Second.Units.ToDictionary(u => u.Unit.Code, u => u.Grade, StringComparer.Ordinal);
                var pairs = p.First.Units.Select(u => new GradePair(u.Unit, p.First.Cohort.Id, before.GetValueOrDefault(u.Unit.Code), u.Grade)).ToList();
                return (Cohort: p.First.Cohort, Pairs: pairs);
            })
            .ToList();
        if (perCohort.Count == 0)
        {
            return [];
        }

        var all = perCohort.SelectMany(c => c.Pairs).DistinctBy(p => p.Unit.Code).ToList();
        var scopeName = string.Join("和", perCohort.Select(c => c.Cohort.Name));
        return [
            GradeTransitions.Summarise("all", scopeName, grades, all),
            .. perCohort.Select(c => GradeTransitions.Summarise(c.Cohort.Id, c.Cohort.Name, grades, c.Pairs)),
        ];
    }

    /// <summary>
    /// For every indicator the framework marks with a statistic sentence: per cohort, how many scored units earned
    /// points on it, out of the units with a score sheet. Tables of totals carry no indicators, hence no statistics.
    /// </summary>
    /// <summary>
    /// Whom a statistic counts, by the indicator's rule: a veto counts the units it hit, a deduction the units that
    /// lost points there (存在不可用链接), anything else the units that earned points (明确了政务数据统筹管理机构).
    /// </summary>
    private static bool Counts(Indicator indicator, ScoreNode node) => indicator.Rule switch
    {
        RuleKind.Veto => node.Status == NodeStatus.VetoHit,
        RuleKind.Deduct => node.Status == NodeStatus.Scored && node.Earned < node.Max,
        RuleKind.Group when indicator.Children.All(c => c.Rule == RuleKind.Veto) => node.Status == NodeStatus.VetoHit,
        _ => node.Status == NodeStatus.Scored && node.Earned > 0,
    };

    private List<StatisticGroup> Statistics(IReadOnlyList<CohortResults> results, IReadOnlyDictionary<string, ScoreSheet> sheets)
    {
        var groups = new List<StatisticGroup>();
        if (sheets.Count == 0)
        {
            return groups;
        }

        foreach (var indicator in framework.Indicators().Where(i => !string.IsNullOrWhiteSpace(i.Statistic)))
        {
            var items = new List<StatisticItem>();
            foreach (var cohort in results)
            {
                var scored = cohort.Units.Where(u => u.Assessed && sheets.ContainsKey(u.Unit.Code)).ToList();
                if (scored.Count == 0)
                {
                    continue;
                }

                var count = scored.Count(u => sheets[u.Unit.Code].Node(indicator.Id) is { } node && Counts(indicator, node));
                items.Add(StatisticFormatter.Item(cohort.Cohort.Id, cohort.Cohort.Name, count, scored.Count));
            }

            if (items.Count > 0)
            {
                groups.Add(StatisticFormatter.Group(indicator.Statistic!, items));
            }
        }

        return groups;
    }
}
