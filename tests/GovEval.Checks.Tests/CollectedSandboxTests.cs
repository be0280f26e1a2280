using System.Diagnostics;
using GovEval.Checks.Tests.Support;
using GovEval.Collect;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Core.Observations;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Server;
using Xunit.Abstractions;

namespace GovEval.Checks.Tests;

/// <summary>
/// End to end over sockets: the real collector (GovEval.Collect's SiteCollector) crawls sandbox sites and the
/// checks' findings are compared with the ground truth. Availability is sampled on a second sandbox of the same
/// seed whose clock skips to each of 100 slots (a day's monitoring in a few seconds); rate-limited sites are left
/// out because a polite crawl of them takes minutes.
/// </summary>
public sealed class CollectedSandboxTests(ITestOutputHelper output)
{
    // Delays at 10%: a 60 s hold is 6 s, beyond the 4 s timeout; a healthy page under a loaded machine is well inside it.
    private const double Scale = 0.1;

    [Theory]
    [InlineData(5, 20)]
    public async Task Findings_of_collected_sites_match_the_ground_truth(long seed, int sites)
    {
        var now = new DateTimeOffset(2020, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));
        await using var server = new SandboxServer(new SandboxOptions
        {
            Seed = seed, Sites = sites, Now = now, DelayScale = Scale, LargePageBytes = 4 * 1024 * 1024, GzipBombBytes = 64L * 1024 * 1024,
        });
        await server.StartAsync();
        var slot = TimeSpan.FromMinutes(10);
        var clock = new SkippingClock(now);
        await using var monitored = new SandboxServer(new SandboxOptions { Seed = seed, Sites = sites, Now = now, DelayScale = Scale, Clock = clock, AvailabilitySlot = slot });
        await monitored.StartAsync();

        var truth = server.Truth().Sites.Where(s => !server.Site(s.Host)!.Faults.HasFlag(FaultKind.RateLimit)).ToList();
        using var fetcher = new Fetcher(Fetch(server));
        using var monitorFetcher = new Fetcher(Fetch(monitored));
        using var collector = new SiteCollector(fetcher);
        var findings = new Dictionary<string, IReadOnlyList<Finding>>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(truth, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (site, cancel) =>
        {
            var observation = await collector.CollectAsync($"http://{site.Host}/", now, new CollectOptions
            {
                Crawl = new() { MaxPages = 3000, MaxDepth = 12 },
                Availability = false,
                ShortSample = SamplerOptions.Short(ShippedRules.Checks.HomepageTimeout),
                Transport = false,
                MissingPage = false,
            }, cancel);
            var result = SiteChecks.Run(observation with { Availability = [] }, ShippedRules.Options);
            lock (findings)
            {
                findings[site.Host] = result.Findings;
            }
        });

        // The availability monitor: one visit per slot for 100 slots, each site in turn on the skipping clock.
        var sampler = new HomepageSampler(monitorFetcher, new SamplerOptions { Visits = 100, Interval = slot, FailAfter = ShippedRules.Checks.HomepageTimeout * Scale }, clock);
        foreach (var site in truth)
        {
            var samples = await sampler.SampleAsync($"http://{site.Host}/");
            var observation = new SiteObservation($"http://{site.Host}/", now, [], [], samples, null, null, null, []);
            var availability = new GovEval.Checks.Availability.HomepageAvailability().Run(observation, new CheckContext(ShippedRules.Options));
            findings[site.Host] = [.. findings[site.Host], .. availability.Findings];
        }

        output.WriteLine($"{truth.Count} sites collected in {watch.Elapsed.TotalSeconds:0} s");
        foreach (var score in TruthComparison.Score(truth, findings, output, $"seed {seed}"))
        {
            Assert.True(score.Precision >= 0.97 && score.Recall >= 0.97, $"{score.Rule}: precision {score.Precision:0.000}, recall {score.Recall:0.000} (seed {seed})");
        }
    }

    private static FetchOptions Fetch(SandboxServer server) => new()
    {
        ConnectTo = ConnectToRules.Parse(server.Routes()),
        ExtraRootsPem = [server.CertificateAuthorityPem],
        Timeout = TimeSpan.FromSeconds(4),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryAfter = TimeSpan.FromSeconds(1),
        Politeness = false,
        MaxBodyBytes = 1024 * 1024,
        MaxInflatedBytes = 2 * 1024 * 1024,
    };
}
