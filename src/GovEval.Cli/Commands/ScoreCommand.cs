using System.CommandLine;
using System.Globalization;
using GovEval.Cli.Collection;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Results;
using GovEval.Core.Scoring;

namespace GovEval.Cli.Commands;

/// <summary>
/// <c>goveval score --run RUN</c>: score every unit of a run with the framework as it is now (a changed weight
/// re-ranks without collecting again) and store the score sheets and cohort results.
/// </summary>
public sealed class ScoreCommand : CommandGroup
{
    public override IEnumerable<Command> Build(CliContext context)
    {
        var run = new Option<string>("--run") { Description = "Run id (or its unique name)", Required = true };
        var command = new Command("score", "Score every unit of a run from its observations and inputs; stores a score sheet per unit and the cohort results.") { run };
        command.SetAction(async (parse, cancel) =>
        {
            await using var store = await context.OpenExistingStoreAsync(parse, cancel);
            var assessment = await store.RunAsync(parse.GetValue(run)!, cancel: cancel);
            var framework = FrameworkCatalog.Get(assessment.FrameworkId);
            var registry = await store.RegistryForRunAsync(assessment, cancel);
            var observations = await store.ObservationsAsync(assessment.Id, cancel);
            var inputs = await store.InputsAsync(assessment.Id, cancel);

            var (sheets, cohorts) = RunScoringStep.Score(framework, registry, assessment, observations, inputs);
            await store.SaveScoringAsync(assessment.Id, framework.Version, sheets, cohorts, cancel);

            await context.Out.WriteLineAsync($"scored {sheets.Count} units of run {assessment.Id} ({assessment.Name}) with {framework.Id} {framework.Version}");
            foreach (var cohort in cohorts)
            {
                await context.Out.WriteLineAsync($"  {cohort.Cohort.Id}: {Summary(cohort)}");
            }

            var candidates = sheets.Count(s => s.Notes.Any(n => n.Contains("待人工确认", StringComparison.Ordinal)));
            if (candidates > 0)
            {
                await context.Out.WriteLineAsync($"  {candidates} units have veto candidates waiting for a person to confirm (enter 是/否 for the veto indicator)");
            }

            return CommandLine.Ok;
        });
        yield return command;
    }

    private static string Summary(CohortResults cohort)
    {
        var assessed = cohort.Units.Count(u => u.Assessed);
        var parts = new List<string> { $"{assessed} of {cohort.Units.Count} assessed" };
        if (cohort.Grades.Count > 0)
        {
            parts.Add(string.Join(", ", cohort.Grades.Select(g => $"{g.Label} {g.Units.Count}")));
        }

        if (cohort.Ranks.Count > 0)
        {
            var first = cohort.Ranks[0];
            parts.Add($"first: {string.Join(" ", first.Units.Select(u => u.Unit.Short))} ({first.Units[0].Total?.ToString(CultureInfo.InvariantCulture)})");
        }

        var vetoed = cohort.Units.Count(u => u.Vetoed);
        if (vetoed > 0)
        {
            parts.Add($"{vetoed} vetoed");
        }

        return string.Join("; ", parts);
    }
}
