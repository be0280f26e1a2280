using System.Collections.Concurrent;
using System.Diagnostics;
using GovEval.Checks;
using GovEval.Collect;
using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Collect.Stored;
using GovEval.Core.Observations;
using GovEval.Store;

namespace GovEval.Cli.Collection;

/// <summary>How a run is collected; the defaults are the national check's.</summary>
public sealed class RunCollectionOptions
{
    /// <summary>Sites collected at once. Politeness within each host is the fetcher's business.</summary>
    public int Concurrency { get; init; } = 16;

    public int MaxPages { get; init; } = 2000;

    /// <summary>Requests in flight per site (the fetcher's politeness may allow fewer).</summary>
    public int CrawlParallelism { get; init; } = 8;

    /// <summary>Where crawl journals live, one per site, so a killed collection resumes where it stopped.</summary>
    public required string JournalDirectory { get; init; }

    /// <summary>
    /// Where each unit's observations are stored (UNIT.json.gz, docs/observations.md), the artifact `recheck` judges
    /// again without crawling; null keeps none (the caller has no run folder).
    /// </summary>
    public string? ObservationDirectory { get; init; }

    /// <summary>Where each unit's captured evidence pages go (UNIT.json); null keeps none.</summary>
    public string? EvidenceDirectory { get; init; }

    public ConnectToRules? Ipv6Routes { get; init; }

    /// <summary>What the checks judge with: <see cref="CheckOptions.From(GovEval.Core.Frameworks.Framework)"/> of the run's framework.</summary>
    public required CheckOptions Checks { get; init; }

    /// <summary>Time one site may take, collection and checks (<c>--site-budget</c>): one stalled site never holds a worker for good.</summary>
    public TimeSpan SiteBudget { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Links read from one page (<c>--max-links-per-page</c>).</summary>
    public int MaxLinksPerPage { get; init; } = new CrawlOptions().MaxLinksPerPage;
}

/// <summary>One site done: for progress displays.</summary>
public sealed record SiteCollected(RunWebsite Site, int Pages, int Findings);

/// <summary>What a collection did: sites collected now, sites already stored by an earlier (interrupted) attempt.</summary>
public sealed record RunCollectionSummary(int Collected, int AlreadyStored, int Pages, int Findings, TimeSpan Elapsed);

/// <summary>
/// Collects and checks every website of a run and stores each unit's observations as soon as its site is done, in
/// its own transaction: a collection killed at any point keeps every finished site, and its rerun skips them and
/// resumes the interrupted crawls from their journals. Availability comes from the run's monitoring window when the
/// monitor stored samples for a unit; otherwise from the collector's short sample.
/// </summary>
public sealed class RunCollector(GovEvalStore store, SiteCollector collector)
{
    /// <summary>Stored with every collected unit: marks it done (a site with no finding still has this) and says how much was seen.</summary>
    public const string PagesMeasurement = "collection.pages";

    private readonly SemaphoreSlim storeGate = new(1, 1);

    public async Task<RunCollectionSummary> CollectAsync(
        AssessmentRun run,
        IReadOnlyList<RunWebsite> sites,
        RunCollectionOptions options,
        IProgress<SiteCollected>? progress = null,
        CancellationToken cancel = default)
    {
        var watch = Stopwatch.StartNew();
        var done = (await store.ObservationsAsync(run.Id, cancel))
            .Where(o => o.Measurements.ContainsKey(PagesMeasurement))
            .Select(o => o.UnitCode)
            .ToHashSet(StringComparer.Ordinal);
        var monitored = await store.AvailabilitySamplesAsync(run.Id, cancel);
        var todo = sites.Where(s => !done.Contains(s.Unit.Code)).ToList();

        // A unit stored just before a kill may still have its journal (it is deleted after the store): the unit is
        // not crawled again, so its journal goes now.
        foreach (var site in sites.Where(s => done.Contains(s.Unit.Code)))
        {
            CrawlJournal.Delete(options.JournalDirectory, site.Homepage);
        }

        var totals = new ConcurrentBag<(int Pages, int Findings)>();
        await Parallel.ForEachAsync(
            todo,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency), CancellationToken = cancel },
            async (site, token) =>
            {
                var samples = monitored.GetValueOrDefault(site.Unit.Code);
                using var budget = new SiteBudget(options.SiteBudget);
                var observation = await collector.CollectAsync(site.Homepage, run.Now, new CollectOptions
                {
                    Crawl = new CrawlOptions
                    {
                        MaxPages = options.MaxPages,
                        Parallelism = options.CrawlParallelism,
                        JournalDirectory = options.JournalDirectory,
                        MaxLinksPerPage = options.MaxLinksPerPage,
                        Budget = budget,
                    },
                    Availability = samples is null,
                    ShortSample = SamplerOptions.Short(options.Checks.HomepageTimeout),
                    Ipv6Routes = options.Ipv6Routes,
                }, token);
                if (samples is not null)
                {
                    observation = observation with { Availability = samples };
                }

                using var context = new CheckContext(options.Checks, token, budget);
                var checks = SiteChecks.Run(observation, context);
                var measurements = new Dictionary<string, decimal>(checks.Measurements, StringComparer.Ordinal)
                {
                    [PagesMeasurement] = observation.Pages.Count,
                };
                if (options.ObservationDirectory is { } stored)
                {
                    // Written before the unit is stored, like its evidence: a stored unit can always be judged again.
                    ObservationFile.Write(stored, site.Unit.Code, run.Id, observation);
                }

                if (options.EvidenceDirectory is { } evidence)
                {
                    // Written before the unit is stored: a stored unit always has its evidence.
                    EvidenceCaptures.Save(evidence, site.Unit.Code, EvidenceCaptures.For(observation, checks.Findings, DateOnly.FromDateTime(run.Now.DateTime), 20));
                }

                await storeGate.WaitAsync(token);
                try
                {
                    await store.SaveObservationsAsync(
                        run.Id,
                        [new UnitObservations(site.Unit.Code, site.Homepage, checks.Findings, measurements, checks.NotMeasured)],
                        token);
                }
                finally
                {
                    storeGate.Release();
                }

                // Stored, the unit is skipped by a rerun: its journal (a copy of every page, megabytes a site) has done its job.
                CrawlJournal.Delete(options.JournalDirectory, site.Homepage);

                totals.Add((observation.Pages.Count, checks.Findings.Count));
                progress?.Report(new SiteCollected(site, observation.Pages.Count, checks.Findings.Count));
            });

        return new RunCollectionSummary(todo.Count, sites.Count - todo.Count, totals.Sum(t => t.Pages), totals.Sum(t => t.Findings), watch.Elapsed);
    }
}
