using System.Diagnostics;
using GovEval.Checks;
using GovEval.Checks.Availability;
using GovEval.Collect.Probes;
using GovEval.Core.Observations;
using GovEval.Core.Registry;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;
using GovEval.Store;

namespace GovEval.Tests.Cli;

/// <summary>
/// <c>goveval monitor</c> against the simulated web on loopback. The window runs on a clock 5000 times faster than
/// real time (24 visits a day: an hour's slot passes in 0.72 s). The sandbox's availability schedule uses slots so
/// long (10,000 days) that a site fails either every visit of the test or none, which the test reads from the site
/// model: a failing homepage stalls 5 s, a visit fails after 2 s, a good homepage answers in milliseconds.
/// </summary>
public sealed class MonitorCliTests : IAsyncLifetime, IDisposable
{
    private const string Scale = "5000";
    private static readonly TimeSpan Slot = TimeSpan.FromDays(10_000);

    /// <summary>A visit that fails as the checks count it.</summary>
    private static bool Failed(AvailabilitySample sample) => AvailabilityShare.Failed(sample, ShippedRules.Options);
    private readonly CliWorkspace workspace = new();
    private SandboxServer server = null!;
    private string routes = "";
    private string ca = "";

    public async Task InitializeAsync()
    {
        // The first population (by seed) with a homepage failing in the current slot and two that never fail.
        for (var seed = 1; ; seed++)
        {
            server = Sandbox(seed);
            if (Sites(failing: true).Count > 0 && Sites(failing: false).Count >= 2)
            {
                break;
            }

            await server.DisposeAsync();
            Assert.True(seed < 50, "no seed gives a failing and two healthy sites");
        }

        await server.StartAsync();
        routes = workspace.Write("routes.txt", string.Join('\n', server.Routes()) + "\n");
        ca = workspace.Write("ca.pem", server.CertificateAuthorityPem);
    }

    private static SandboxServer Sandbox(long seed)
    {
        var registry = UnitRegistry.ForYear(2020);
        return new SandboxServer(new SandboxOptions
        {
            Seed = seed,
            Now = new DateTimeOffset(2020, 11, 30, 9, 0, 0, TimeSpan.FromHours(8)),
            PortalUnits = registry.Members(registry.Cohort("provincial")).Select(u => u.Code).ToList(),
            DelayScale = 0.05,
            AvailabilitySlot = Slot,
            HomepageFailureDelay = TimeSpan.FromSeconds(100),
        });
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => workspace.Dispose();

    private long CurrentSlot => (long)Math.Floor((DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch) / Slot);

    /// <summary>
    /// Sites that answer every visit of the test (or, with <paramref name="failing"/>, none), without the faults
    /// that break scanners (a 5xx burst or a reset would be a failed visit too, since visits are not retried).
    /// </summary>
    private List<SiteModel> Sites(bool failing) => server.Population.Sites.Select(server.Site)
        .Where(s => s.Faults == FaultKind.None && (failing ? s.HomepageFailsIn(CurrentSlot) : s.FailurePercent == 0))
        .ToList();

    private string[] Monitor(params string[] args) =>
        ["monitor", .. args, "--visits-per-day", "24", "--time-scale", Scale, "--fail-after", "2s", "--connect-to-file", routes, "--ca", ca, "--no-politeness"];

    [Fact]
    public async Task Log_mode_takes_the_window_s_visits_one_per_slot_and_a_restart_takes_no_more()
    {
        var sites = Sites(failing: false).Take(2).ToList();
        Assert.Equal(2, sites.Count);
        var log = Path.Combine(workspace.Folder, "samples.jsonl");

        var result = await workspace.RunOkAsync(Monitor([.. sites.Select(s => $"http://{s.Host}/"), "--log", log, "--days", "0.25", "--jitter", "0"]));

        Assert.Contains("0 visits already taken, 12 to take", result.Out);
        var schedule = new MonitorSchedule { VisitsPerDay = 24, Days = 0.25 };
        var samples = new SampleLog(log);
        foreach (var site in sites)
        {
            var taken = samples.Read($"http://{site.Host}/");
            Assert.Equal(6, taken.Count);
            Assert.All(taken, s => Assert.Equal(FetchStatus.Ok, s.Outcome.Status));
            // One visit per slot: the window's instants, about an hour apart, not the seconds it took. A slot may be
            // skipped when a visit overran it (the first one warms up connections on a loaded machine).
            var slots = taken.Select(s => schedule.SlotOf(s.At)).ToList();
            Assert.Equal(slots.Order(), slots);
            Assert.Equal(6, slots.Distinct().Count());
            Assert.InRange(slots[^1] - slots[0], 5, 7);
            for (var i = 1; i < taken.Count; i++)
            {
                var gap = taken[i].At - taken[i - 1].At;
                Assert.True(gap >= TimeSpan.FromMinutes(25), $"visits {gap} apart");
            }
        }

        Assert.Contains("12 visits to 2 homepages in the window, 0 failed", result.Out);

        var again = await workspace.RunOkAsync(Monitor([.. sites.Select(s => $"https://{s.Host}/"), "--log", log, "--days", "0.25"]));

        Assert.Contains("12 visits already taken, 0 to take", again.Out);
        Assert.Equal(12, samples.ReadAll().Count());
    }

    [Fact]
    public async Task Run_mode_stores_each_unit_s_visits_with_the_failures_of_the_sandbox_s_schedule()
    {
        var failing = Sites(failing: true).First();
        var healthy = Sites(failing: false).Take(2).ToList();
        var truth = server.Truth();
        Assert.Contains(truth.Sites.Single(s => s.Host == failing.Host).Defects, d => d.Rule == "availability.homepage");
        Assert.All(healthy, h => Assert.DoesNotContain(truth.Sites.Single(s => s.Host == h.Host).Defects, d => d.Rule == "availability.homepage"));
        var run = await RunWithWebsitesAsync([failing, .. healthy]);

        var result = await workspace.RunOkAsync(Monitor("--run", run, "--days", "0.25"));

        var stored = await StoredAsync(run);
        Assert.Equal(3, stored.Count);
        Assert.All(stored.Values, s => Assert.Equal(6, s.Count));
        var failed = stored[failing.Entry.Unit.Code];
        Assert.All(failed, s => Assert.Equal(FetchStatus.Timeout, s.Outcome.Status));
        Assert.All(healthy, h => Assert.DoesNotContain(stored[h.Entry.Unit.Code], Failed));
        Assert.All(stored.Values, s => Assert.Equal(s.OrderBy(x => x.At).Select(x => x.At), s.Select(x => x.At)));
        Assert.Contains("18 visits to 3 homepages in the window, 6 failed", result.Out);
        Assert.Contains(failing.Entry.Unit.Short, result.Out);
        Assert.Contains("100%", result.Out);
    }

    [Fact]
    public async Task A_restarted_run_monitor_takes_only_the_missing_visits_after_the_ones_stored()
    {
        var sites = Sites(failing: false).Take(2).ToList();
        var run = await RunWithWebsitesAsync(sites);

        // A first monitor that stopped early (a window of 2 visits), then the full one (6): it continues the window.
        await workspace.RunOkAsync(Monitor("--run", run, "--days", "0.1"));
        var first = await StoredAsync(run);
        Assert.All(first.Values, s => Assert.Equal(2, s.Count));

        var restarted = await workspace.RunOkAsync(Monitor("--run", run, "--days", "0.25"));

        Assert.Contains("4 visits already taken, 8 to take", restarted.Out);
        var stored = await StoredAsync(run);
        var schedule = new MonitorSchedule { VisitsPerDay = 24, Days = 0.25 };
        foreach (var (unit, samples) in stored)
        {
            Assert.Equal(6, samples.Count);
            Assert.Equal(first[unit].Select(s => s.At), samples.Take(2).Select(s => s.At));
            Assert.Equal(6, samples.Select(s => schedule.SlotOf(s.At)).Distinct().Count());
            Assert.True(samples[2].At > samples[1].At);
        }

        var complete = await workspace.RunOkAsync(Monitor("--run", run, "--days", "0.25"));

        Assert.Contains("12 visits already taken, 0 to take", complete.Out);
        Assert.All((await StoredAsync(run)).Values, s => Assert.Equal(6, s.Count));
    }

    [Fact]
    public async Task A_run_monitor_killed_with_sigkill_keeps_its_batches_and_a_restart_completes_the_window()
    {
        var sites = Sites(failing: false).Take(2).ToList();
        var run = await RunWithWebsitesAsync(sites);
        string[] args = [.. Monitor("--run", run, "--days", "1"), "--db", workspace.Db];

        // 24 visits a site at 0.72 s a slot: killed once some batches are stored, well before the window ends.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "goveval.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using (var child = Process.Start(start)!)
        {
            _ = child.StandardOutput.ReadToEndAsync();
            _ = child.StandardError.ReadToEndAsync();
            var deadline = Stopwatch.StartNew();
            while (StoredCount(run) < 6 && !child.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            Assert.False(child.HasExited, "the monitor ended before it could be killed");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        var killed = await StoredAsync(run);
        var before = killed.Values.Sum(s => s.Count);
        Assert.InRange(before, 6, 47);

        var restarted = await workspace.RunOkAsync(Monitor("--run", run, "--days", "1"));

        Assert.Contains($"{before} visits already taken, {48 - before} to take", restarted.Out);
        var stored = await StoredAsync(run);
        var schedule = new MonitorSchedule { VisitsPerDay = 24, Days = 0.25 };
        Assert.Equal(2, stored.Count);
        foreach (var (unit, samples) in stored)
        {
            Assert.Equal(24, samples.Count);
            Assert.Equal(killed.GetValueOrDefault(unit, []).Select(s => s.At), samples.Take(killed.GetValueOrDefault(unit, []).Count).Select(s => s.At));
            Assert.Equal(24, samples.Select(s => schedule.SlotOf(s.At)).Distinct().Count());
            Assert.DoesNotContain(samples, Failed);
        }
    }

    private long StoredCount(string run) =>
        workspace.CountWhileWriting("SELECT COUNT(*) FROM AvailabilitySamples WHERE RunId = $run", ("$run", run));

    [Theory]
    [InlineData("--log", "monitor", "http://www.example.gov.cn/")]
    [InlineData("URL", "monitor", "--log", "x.jsonl")]
    [InlineData("URL", "monitor", "ftp://www.example.gov.cn/", "--log", "x.jsonl")]
    [InlineData("--run", "monitor", "http://www.example.gov.cn/", "--run", "r1")]
    [InlineData("--log", "monitor", "--run", "r1", "--log", "x.jsonl")]
    [InlineData("--visits-per-day", "monitor", "http://www.example.gov.cn/", "--log", "x.jsonl", "--visits-per-day", "0")]
    [InlineData("--visits-per-day", "monitor", "http://www.example.gov.cn/", "--log", "x.jsonl", "--visits-per-day", "10000")]
    [InlineData("--days", "monitor", "http://www.example.gov.cn/", "--log", "x.jsonl", "--days", "0")]
    [InlineData("--days", "monitor", "http://www.example.gov.cn/", "--log", "x.jsonl", "--days", "0.01")]
    [InlineData("--jitter", "monitor", "http://www.example.gov.cn/", "--log", "x.jsonl", "--jitter", "soon")]
    [InlineData("--jitter", "monitor", "http://www.example.gov.cn/", "--log", "x.jsonl", "--jitter", "-5m")]
    [InlineData("--fail-after", "monitor", "http://www.example.gov.cn/", "--log", "x.jsonl", "--fail-after", "0")]
    [InlineData("--concurrency", "monitor", "http://www.example.gov.cn/", "--log", "x.jsonl", "--concurrency", "0")]
    [InlineData("--time-scale", "monitor", "http://www.example.gov.cn/", "--log", "x.jsonl", "--time-scale", "0.5")]
    [InlineData("--db", "monitor", "--run", "r1")]
    public async Task Bad_arguments_exit_2_naming_the_option(string named, params string[] args)
    {
        var result = await workspace.RunAsync(args);

        Assert.Equal(2, result.Code);
        Assert.Contains($"goveval: {named}:", result.Error);
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "x.jsonl")));
    }

    [Fact]
    public async Task An_unknown_run_or_one_without_websites_is_refused_naming_run()
    {
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "bare", "--framework", "gov-website-check-2019", "--cohort", "municipality")).Out.Trim();

        var unknown = await workspace.RunAsync("monitor", "--run", "no-such-run");
        var bare = await workspace.RunAsync("monitor", "--run", run);

        Assert.Equal((2, 2), (unknown.Code, bare.Code));
        Assert.Contains("goveval: --run:", unknown.Error);
        Assert.Contains("goveval: --run:", bare.Error);
        Assert.Contains("no unit with a registered website", bare.Error);
    }

    private async Task<string> RunWithWebsitesAsync(IReadOnlyList<SiteModel> sites)
    {
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "monitored", "--framework", "gov-website-check-2019", "--cohort", "provincial")).Out.Trim();
        var channels = workspace.Write("channels.csv", "code,channel,url,portal\n" + string.Concat(sites.Select(s => $"{s.Entry.Unit.Code},website,http://{s.Host}/,yes\n")));
        await workspace.RunOkAsync("registry", "import", channels);
        return run;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<AvailabilitySample>>> StoredAsync(string run)
    {
        await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(workspace.Db));
        return await store.AvailabilitySamplesAsync(run);
    }
}
