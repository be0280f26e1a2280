using System.CommandLine;
using GovEval.Cli.Collection;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;

namespace GovEval.Cli.Commands;

/// <summary>
/// <c>goveval recheck --run RUN [--framework ID|FILE] [--as NAME]</c>: judge a collected run again from its stored
/// observations, with no network, after a rule, a threshold or a framework changed (a province's variant, a corrected
/// check, an upheld appeal). In place it keeps the replaced findings and sheets as a revision; with --as it makes a new run.
/// </summary>
public sealed class RecheckCommand : CommandGroup
{
    public override IEnumerable<Command> Build(CliContext context)
    {
        var run = new Option<string>("--run") { Description = "Run id (or its unique name)", Required = true };
        var framework = new Option<string?>("--framework") { Description = $"Judge and score with this framework ({string.Join(", ", FrameworkCatalog.Ids)}) or .yaml file instead of the run's" };
        var asName = new Option<string?>("--as") { Description = "Store the result as a new run of this name, leaving the run as it is" };
        var concurrency = new Option<int>("--concurrency") { Description = "Units judged at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var limits = new LimitOptions();
        var command = new Command(
            "recheck",
            "Re-run every check of a collected run from its stored observations (pages reloaded from its WARC files, no network) and score again; the replaced findings and sheets are kept as a revision.")
        {
            run, framework, asName, concurrency,
        };
        limits.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var parallel = parse.GetValue(concurrency);
            if (parallel < 1)
            {
                throw new InputException("--concurrency", $"must be at least 1, got {parallel}");
            }

            var name = parse.GetValue(asName)?.Trim();
            if (name is { Length: 0 })
            {
                throw new InputException("--as", "give the new run a name");
            }

            await using var store = await context.OpenExistingStoreAsync(parse, cancel);
            var assessment = await store.RunAsync(parse.GetValue(run)!, "--run", cancel);
            var frameworkText = parse.GetValue(framework)?.Trim() ?? assessment.FrameworkId;
            var resolved = FrameworkCatalog.Get(frameworkText);
            // A local file is kept by its full path, as `runs create` does, so a later `score` finds it from anywhere.
            var frameworkId = FrameworkCatalog.Ids.Contains(frameworkText, StringComparer.Ordinal) ? resolved.Id : Path.GetFullPath(frameworkText);
            // The checks judge with the numbers of the framework they score for (its checks block), as `collect` did.
            var checks = Checks.CheckOptions.From(resolved) with { PageParseTimeout = limits.ParseTimeout(parse) };

            var summary = await new RunRechecker(store, context.Connection(parse)).RecheckAsync(
                assessment,
                new RecheckPlan(resolved, frameworkId, checks, name, parallel),
                new UnitsDone(context.Error),
                cancel);
            var target = summary.Run;
            await context.Out.WriteLineAsync(name is null
                ? $"rechecked {summary.Units} units of run {target.Id} ({target.Name}) with {resolved.Id} {resolved.Version}, no network: {summary.FindingsBefore} findings before, {summary.FindingsAfter} now, in {summary.Elapsed.TotalSeconds:0.0} s; the previous ones are kept as revision {target.Revision - 1}"
                : $"rechecked {summary.Units} units of run {assessment.Id} ({assessment.Name}) with {resolved.Id} {resolved.Version} into the new run {target.Id} ({target.Name}), no network: {summary.FindingsBefore} findings before, {summary.FindingsAfter} now, in {summary.Elapsed.TotalSeconds:0.0} s");
            await context.Out.WriteLineAsync($"next: goveval findings --run {target.Id}   goveval publish --run {target.Id} --out DIR");
            return CommandLine.Ok;
        });
        yield return command;
    }

    /// <summary>Says how far a recheck is, on the error stream as each unit is judged (in order, not from the thread pool).</summary>
    private sealed class UnitsDone(TextWriter error) : IProgress<int>
    {
        private readonly object gate = new();

        public void Report(int value)
        {
            lock (gate)
            {
                error.WriteLine($"rechecked {value} units");
            }
        }
    }
}
