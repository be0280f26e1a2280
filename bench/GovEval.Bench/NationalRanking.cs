using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Scoring;

namespace GovEval.Bench;

/// <summary>
/// Ranks the synthetic national population the way a release does: every website cohort of the registry,
/// with department sites ranked beside their parent unit's cohort peers.
/// </summary>
public static class NationalRanking
{
    public static UnitRegistry Registry(IReadOnlyList<Unit> units)
    {
        var shipped = UnitRegistry.ForYear(2020);
        return new UnitRegistry(2020, shipped.Edition, units, shipped.Cohorts);
    }

    public static IReadOnlyList<Cohort> RankedCohorts(UnitRegistry registry) =>
        registry.Cohorts.Where(c => c.Result == CohortResult.Ranked).ToList();

    /// <summary>
    /// Ranks without the rank-stability analysis (its 1,000 re-rankings are timed on their own by 'bench -- stability'),
    /// so this figure stays the one issue 2 asked for.
    /// </summary>
    public static (int Cohorts, int Ranked) Rank(UnitRegistry registry, IReadOnlyList<ScoreSheet> sheets, Framework framework)
    {
        var release = new ReleaseBuilder(framework with { Stability = null }, registry, RankedCohorts(registry)).FromSheets(sheets, null, new ReleaseOptions(2020, "bench"));
        return (release.Cohorts.Count, release.Cohorts.Sum(c => c.Units.Count(u => u.Rank is not null)));
    }
}
