using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Registry;

namespace GovEval.Core.Scoring;

/// <summary>What collection and checks produced for one unit, as scoring reads it.</summary>
public sealed record UnitObservationSet(
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, decimal> Measurements,
    IReadOnlyList<NotMeasured> NotMeasured);

/// <summary>
/// Scores every member of a run's cohorts: facts from the registry, observations where collection ran
/// (a unit without any is "not collected", never clean), and the people's inputs. Pure.
/// </summary>
public static class RunScoring
{
    public static IReadOnlyList<ScoreSheet> Score(
        Framework framework,
        UnitRegistry registry,
        IReadOnlyList<Cohort> cohorts,
        IReadOnlyDictionary<string, UnitObservationSet> observations,
        IReadOnlyList<ExpertInput> inputs)
    {
        var cohortsOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var members = new List<Unit>();
        foreach (var cohort in cohorts)
        {
            foreach (var unit in registry.Members(cohort))
            {
                if (!cohortsOf.TryGetValue(unit.Code, out var ids))
                {
                    cohortsOf[unit.Code] = ids = [];
                    members.Add(unit);
                }

                ids.Add(cohort.Id);
            }
        }

        var inputsOf = inputs.ToLookup(i => i.UnitCode, StringComparer.Ordinal);
        return members
            .AsParallel()
            .AsOrdered()
            .Select(unit =>
            {
                observations.TryGetValue(unit.Code, out var observed);
                return ScoringEngine.Score(framework, new ScoringInput(
                    unit.Code,
                    UnitFacts.For(unit, registry.ChannelsOf(unit.Code), cohortsOf[unit.Code]),
                    observed?.Findings ?? [],
                    observed?.Measurements ?? new Dictionary<string, decimal>(),
                    observed?.NotMeasured ?? [],
                    inputsOf[unit.Code].ToList(),
                    Collected: observed is not null));
            })
            .ToList();
    }
}
