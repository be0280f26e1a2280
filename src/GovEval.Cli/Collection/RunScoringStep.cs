using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Scoring;
using GovEval.Store;

namespace GovEval.Cli.Collection;

/// <summary>
/// Stored observations and inputs of a run → score sheets and cohort results: what `score` stores, and what
/// `recheck` stores with the findings it judged again, so both score the same way.
/// </summary>
public static class RunScoringStep
{
    public static (IReadOnlyList<ScoreSheet> Sheets, IReadOnlyList<CohortResults> Cohorts) Score(
        Framework framework,
        UnitRegistry registry,
        AssessmentRun run,
        IReadOnlyList<UnitObservations> stored,
        IReadOnlyList<ExpertInput> inputs)
    {
        var cohorts = run.Cohorts.Select(registry.Cohort).ToList();
        var observations = stored
            .GroupBy(o => o.UnitCode, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new UnitObservationSet(
                    g.SelectMany(o => o.Findings).ToList(),
                    g.SelectMany(o => o.Measurements).GroupBy(m => m.Key).ToDictionary(m => m.Key, m => Normalized(m.Last().Value)),
                    g.SelectMany(o => o.NotMeasured).ToList()),
                StringComparer.Ordinal);
        var sheets = RunScoring.Score(framework, registry, cohorts, observations, inputs);
        var release = new ReleaseBuilder(framework, registry, cohorts).FromSheets(sheets, null, new ReleaseOptions(run.Year, run.Name));
        return (sheets, release.Cohorts);
    }

    /// <summary>
    /// The value without trailing zeros: a decimal read back from the store keeps the scale it was written with (14.0),
    /// one just measured may not (14), and a score sheet prints what it is given. Scored either way, a sheet is the same.
    /// </summary>
    private static decimal Normalized(decimal value) => value / 1.0000000000000000000000000000m;
}
