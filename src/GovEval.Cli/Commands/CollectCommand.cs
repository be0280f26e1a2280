using System.CommandLine;
using GovEval.Checks;
using GovEval.Cli.Collection;
using GovEval.Collect;
using GovEval.Collect.Fetching;
using GovEval.Collect.Stored;
using GovEval.Collect.Warc;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Store;
using Spectre.Console;

namespace GovEval.Cli.Commands;

/// <summary>
/// <c>goveval collect --run RUN</c>: crawl and check every website of a round and store what was found, unit by
/// unit. Killed and rerun, it keeps every finished site and resumes the interrupted crawls.
/// </summary>
public sealed class CollectCommand : CommandGroup
{
    public override IEnumerable<Command> Build(CliContext context)
    {
        var run = new Option<string>("--run") { Description = "Run id (or its unique name)", Required = true };
        var maxPages = new Option<int>("--max-pages") { Description = "Crawl at most this many pages of each site", DefaultValueFactory = _ => 2000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Sites collected at once (each host is still throttled on its own)", DefaultValueFactory = _ => 16 };
        var reuse = new Option<string?>("--reuse") { Description = "Take the observations of this earlier run over the same sites instead of collecting again (e.g. score one collection with a second framework)" };
        var network = new NetworkOptions();
        var limits = new LimitOptions();
        var command = new Command(
            "collect",
            "Crawl and check every website of a run's units (registered website channels) and store the findings; resumable: a rerun skips finished sites.")
        {
            run, maxPages, concurrency, reuse,
        };
        network.AddTo(command);
        limits.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var pages = parse.GetValue(maxPages);
            if (pages < 1)
            {
                throw new InputException("--max-pages", $"must be at least 1, got {pages}");
            }

            var parallel = parse.GetValue(concurrency);
            if (parallel < 1)
            {
                throw new InputException("--concurrency", $"must be at least 1, got {parallel}");
            }

            var siteBudget = limits.Budget(parse);
            var linksPerPage = limits.LinksPerPage(parse);
            await using var store = await context.OpenExistingStoreAsync(parse, cancel);
            var assessment = await store.RunAsync(parse.GetValue(run)!, "--run", cancel);
            // The run's framework states the numbers the checks judge with (its checks block); one without is refused here.
            var framework = FrameworkCatalog.Get(assessment.FrameworkId);
            var checkOptions = CheckOptions.From(framework) with { PageParseTimeout = limits.ParseTimeout(parse) };
            var registry = await store.RegistryForRunAsync(assessment, cancel);
            var (sites, without) = RunWebsites.Of(registry, assessment, out var others);
            var console = CheckCommand.Console(context);
            if (without.Count > 0)
            {
                console.MarkupLineInterpolated($"[yellow]{without.Count} units have no registered website and are not collected (import their channels with 'goveval registry import'): {string.Join(" ", without.Take(10).Select(u => u.Short))}{(without.Count > 10 ? " …" : "")}[/]");
            }

            if (others > 0)
            {
                console.MarkupLineInterpolated($"[yellow]{others} more websites are registered for these units; each unit is assessed by its portal (register a department's site as a unit of its own to assess it)[/]");
            }

            if (sites.Count == 0)
            {
                throw new InputException("--run", $"run {assessment.Id} has no unit with a registered website; import website channels first ('goveval registry import channels.csv')");
            }

            if (parse.GetValue(reuse) is { } sourceId)
            {
                await ReuseAsync(store, context.Connection(parse), console, assessment, framework, sites, sourceId, cancel);
                return CommandLine.Ok;
            }

            var folder = RunFolders.Root(context.Connection(parse), assessment.Id);
            using var warc = new WarcWriter(RunFolders.Warc(folder));
            using var fetcher = new Fetcher(network.Fetch(parse, warc));
            using var collector = new SiteCollector(fetcher);
            var summary = await CollectionProgress.RunAsync(console, sites.Count, assessment.Name, progress =>
                new RunCollector(store, collector).CollectAsync(assessment, sites, new RunCollectionOptions
                {
                    Concurrency = parallel,
                    MaxPages = pages,
                    JournalDirectory = RunFolders.Journals(folder),
                    EvidenceDirectory = RunFolders.Evidence(folder),
                    ObservationDirectory = RunFolders.Observations(folder),
                    Ipv6Routes = network.Ipv6(parse),
                    SiteBudget = siteBudget,
                    MaxLinksPerPage = linksPerPage,
                    Checks = checkOptions,
                }, progress, cancel));
            console.MarkupLineInterpolated(
                $"collected {summary.Collected} sites ({summary.Pages} pages, {summary.Findings} findings) in {summary.Elapsed.TotalSeconds:0} s; {summary.AlreadyStored} were already stored. Evidence: {RunFolders.Warc(folder)}");
            console.MarkupLineInterpolated($"next: goveval score --run {assessment.Id}");
            return CommandLine.Ok;
        });
        yield return command;
    }

    /// <summary>
    /// Takes another run's observations of the same sites, and the evidence captured with them. The findings taken were
    /// judged with the source run's framework's numbers, so the two frameworks must state the same checks block.
    /// </summary>
    private static async Task ReuseAsync(GovEvalStore store, StoreConnection connection, IAnsiConsole console, AssessmentRun assessment, Framework framework, IReadOnlyList<RunWebsite> sites, string sourceId, CancellationToken cancel)
    {
        var source = await store.RunAsync(sourceId, "--reuse", cancel);
        if (source.Id == assessment.Id)
        {
            throw new InputException("--reuse", $"run {source.Id} is the run being collected; name an earlier run over the same sites");
        }

        var judgedWith = FrameworkCatalog.Get(source.FrameworkId);
        if (CheckParameterCatalogue.Differences(judgedWith.Checks, framework.Checks) is { Count: > 0 } differences)
        {
            throw new InputException("--reuse",
                $"run {source.Id} was judged with the checks of {judgedWith.Id} and run {assessment.Id} uses {framework.Id}, whose checks block differs " +
                $"({string.Join("; ", differences)}): its findings would not be this framework's. Collect this run, or re-judge it from its observations");
        }

        var wanted = sites.Select(s => s.Unit.Code).ToHashSet(StringComparer.Ordinal);
        var taken = (await store.ObservationsAsync(source.Id, cancel))
            .Where(o => wanted.Contains(o.UnitCode) && o.Measurements.ContainsKey(RunCollector.PagesMeasurement))
            .ToList();
        var from = RunFolders.Evidence(RunFolders.Root(connection, source.Id));
        var to = RunFolders.Evidence(RunFolders.Root(connection, assessment.Id));
        Directory.CreateDirectory(to);
        foreach (var unit in taken.Where(o => File.Exists(Path.Combine(from, o.UnitCode + ".json"))))
        {
            File.Copy(Path.Combine(from, unit.UnitCode + ".json"), Path.Combine(to, unit.UnitCode + ".json"), overwrite: true);
        }

        // The observations go along (still naming the run that crawled, whose WARC holds the pages): the new run can
        // be re-checked like its source.
        var observationsFrom = RunFolders.Observations(RunFolders.Root(connection, source.Id));
        var storedUnits = ObservationFile.Units(observationsFrom);
        foreach (var unit in taken.Where(o => storedUnits.Contains(o.UnitCode)))
        {
            ObservationFile.Copy(observationsFrom, RunFolders.Observations(RunFolders.Root(connection, assessment.Id)), unit.UnitCode);
        }

        await store.SaveObservationsAsync(assessment.Id, taken, cancel);
        console.MarkupLineInterpolated($"took the observations of {taken.Count} of {sites.Count} sites from run {source.Id} ({source.Name}); their WARC evidence stays in that run's folder {RunFolders.Warc(RunFolders.Root(connection, source.Id))}");
        if (taken.Count < sites.Count)
        {
            console.MarkupLineInterpolated($"[yellow]{sites.Count - taken.Count} sites were not collected in run {source.Id}; collect them with 'goveval collect --run {assessment.Id}'[/]");
        }
    }
}
