using System.Diagnostics;
using System.Globalization;
using GovEval.Cli.Collection;
using GovEval.Collect.Crawling;
using GovEval.Collect.Probes;
using GovEval.Core.Registry;
using GovEval.Sandbox.Server;
using GovEval.Store;

namespace GovEval.Tests.Cli;

/// <summary>
/// `goveval collect --run` over 50 simulated sites, killed with SIGKILL part-way and run again: it keeps what was
/// stored, resumes, and ends with the same findings as an uninterrupted collection of the same sites.
/// </summary>
public sealed class CollectKillResumeTests : IAsyncLifetime
{
    private const int Sites = 50;
    private const string MaxPages = "60";

    // The middle of an availability slot of the simulated web: the short availability samples of both collections
    // fall in the same slot (7 minutes of margin), so both see the same schedule.
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(864) * 1_859_608 + TimeSpan.FromSeconds(432);

    private readonly CliWorkspace workspace = new();
    private SandboxServer server = null!;
    private string[] network = [];
    private string killedAt = "";

    public async Task InitializeAsync()
    {
        var registry = UnitRegistry.ForYear(2020);
        var units = registry.Members(registry.Cohort("prefecture-city")).Take(Sites).Select(u => u.Code).ToList();
        server = new SandboxServer(new SandboxOptions
        {
            PortalUnits = units,
            Seed = 11,
            Now = Now,
            Clock = new CompressedClock(Now),
            DelayScale = 0.01,
            HomepageFailureDelay = TimeSpan.FromSeconds(100),
        });
        await server.StartAsync();
        var routes = workspace.Write("routes.txt", string.Join('\n', server.Routes()));
        var ipv6 = workspace.Write("ipv6-routes.txt", string.Join('\n', server.Ipv6Routes()));
        var ca = workspace.Write("ca.pem", server.CertificateAuthorityPem);
        network = ["--connect-to-file", routes, "--ipv6-routes", ipv6, "--ca", ca, "--no-politeness", "--max-pages", MaxPages, "--concurrency", "8"];
        var channels = workspace.Write("websites.csv", "code,channel,url,portal\n" + string.Join('\n', server.Population.Sites.Select(s => $"{s.Unit.Code},website,http://{s.Host}/,是")));
        await workspace.RunOkAsync("registry", "import", channels);
        workspace.Write("sample.txt", string.Join('\n', units));
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        workspace.Dispose();
    }

    private async Task<string> CreateRunAsync(string name, string framework = "gov-website-check-2019") =>
        (await workspace.RunOkAsync("runs", "create", "--name", name, "--framework", framework, "--cohort", "prefecture-city",
            "--units", Path.Combine(workspace.Folder, "sample.txt"), "--now", Now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))).Out.Trim();

    [Fact]
    public async Task A_collection_killed_part_way_resumes_to_the_findings_of_an_uninterrupted_one()
    {
        var killed = await CreateRunAsync("killed");
        using (var child = StartCollect(killed))
        {
            var journals = Path.Combine(workspace.Folder, "data", "runs", killed, "journal");
            // Watched and killed from a thread of its own: the simulated web runs in this process and can keep the
            // thread pool busy, which must not delay the kill until the collection is over.
            var atKill = "";
            var watcher = new Thread(() =>
            {
                var deadline = Stopwatch.StartNew();
                while (Stored(killed) < 8 && !child.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(120))
                {
                    Thread.Sleep(10);
                }

                atKill = $"{Journals(journals)} crawls under way after {deadline.Elapsed.TotalSeconds:0.0} s";
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }
            });
            watcher.Start();
            watcher.Join();
            await child.WaitForExitAsync();
            Assert.True(child.ExitCode != 0, "the collection ended before it could be killed: " + await child.StandardError.ReadToEndAsync());
            killedAt = atKill;
        }

        var before = Stored(killed);
        Assert.True(before is >= 4 and < Sites, $"{before} units stored when killed {killedAt}; journals {Journals(Path.Combine(workspace.Folder, "data", "runs", killed, "journal"))}: {string.Join(" ", Directory.GetFileSystemEntries(Path.Combine(workspace.Folder, "data"), "*", SearchOption.AllDirectories).Take(8))}");

        var resumed = await workspace.RunOkAsync(["collect", "--run", killed, .. network]);
        Assert.Equal(0, Journals(Path.Combine(workspace.Folder, "data", "runs", killed, "journal")));
        Assert.Contains($"{before} were already stored", resumed.Out);
        Assert.Equal(Sites, Stored(killed));

        var whole = await CreateRunAsync("uninterrupted");
        await workspace.RunOkAsync(["collect", "--run", whole, .. network]);

        await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(workspace.Db));

        // A kill between storing a unit and deleting its journal leaves the journal of a unit that is not crawled
        // again: the next collect of the run removes it.
        var wholeJournals = Path.Combine(workspace.Folder, "data", "runs", whole, "journal");
        var stale = CrawlJournal.PathFor(wholeJournals, (await store.ObservationsAsync(whole)).First(o => o.ChannelUrl is not null).ChannelUrl!);
        Directory.CreateDirectory(wholeJournals);
        File.WriteAllText(stale, "");
        var again = await workspace.RunOkAsync(["collect", "--run", whole, .. network]);
        Assert.Contains($"{Sites} were already stored", again.Out);
        Assert.Equal(0, Journals(wholeJournals));

        var a = Findings(await store.ObservationsAsync(killed));
        var b = Findings(await store.ObservationsAsync(whole));
        Assert.NotEmpty(b);
        Assert.True(a.SetEquals(b), $"only after the kill: {string.Join("; ", a.Except(b).Take(5))}; only uninterrupted: {string.Join("; ", b.Except(a).Take(5))}");

        // Scoring reads what was stored: the resumed run's verdicts are the uninterrupted run's.
        await workspace.RunOkAsync("score", "--run", killed);
        await workspace.RunOkAsync("score", "--run", whole);
        var sheetsA = await store.ScoreSheetsAsync(killed);
        var sheetsB = await store.ScoreSheetsAsync(whole);
        var unavailable = (await store.ObservationsAsync(killed)).Concat(await store.ObservationsAsync(whole))
            .Where(o => o.Findings.Any(f => f.Rule.StartsWith("availability.", StringComparison.Ordinal)))
            .Select(o => o.UnitCode)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(
            sheetsB.Where(s => !unavailable.Contains(s.UnitCode)).OrderBy(s => s.UnitCode).Select(s => (s.UnitCode, s.Total, s.Grade)),
            sheetsA.Where(s => !unavailable.Contains(s.UnitCode)).OrderBy(s => s.UnitCode).Select(s => (s.UnitCode, s.Total, s.Grade)));
    }

    [Fact]
    public async Task Changing_a_weight_re_scores_a_collected_run_without_collecting_again()
    {
        var shipped = File.ReadAllText(Path.Combine(CliWorkspace.RepoRoot(), "frameworks", "gov-website-check-2019.yaml"));
        var framework = workspace.Write("my-check.yaml", shipped.Replace("id: gov-website-check-2019", "id: my-check", StringComparison.Ordinal));
        var run = await CreateRunAsync("weights", framework);
        await workspace.RunOkAsync(["collect", "--run", run, .. network]);
        await workspace.RunOkAsync("score", "--run", run);
        await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(workspace.Db));
        var before = (await store.ScoreSheetsAsync(run)).ToDictionary(s => s.UnitCode, s => s.Total);

        // The simulated web goes away: whatever scoring does next, it cannot collect.
        await server.StopAsync();
        File.WriteAllText(framework, File.ReadAllText(framework).Replace("{ finding: links.broken-homepage, each: 1 }", "{ finding: links.broken-homepage, each: 3 }", StringComparison.Ordinal));
        await workspace.RunOkAsync("score", "--run", run);
        var after = (await store.ScoreSheetsAsync(run)).ToDictionary(s => s.UnitCode, s => s.Total);

        var broken = (await store.ObservationsAsync(run))
            .Where(o => o.Findings.Any(f => f.Rule == "links.broken-homepage"))
            .Select(o => o.UnitCode)
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(broken);
        Assert.Contains(broken, code => after[code] < before[code]);
        Assert.All(before.Keys.Where(code => !broken.Contains(code)), code => Assert.Equal(before[code], after[code]));
    }

    [Fact]
    public async Task A_run_whose_units_have_no_registered_website_is_refused_with_the_fix()
    {
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "counties", "--framework", "gov-website-check-2019", "--cohort", "county")).Out.Trim();
        var result = await workspace.RunAsync(["collect", "--run", run, .. network]);
        Assert.Equal(2, result.Code);
        Assert.Contains("--run", result.Error);
        Assert.Contains("registry import", result.Error);
    }

    /// <summary>
    /// Findings by unit, rule and the thing at fault. Without monitor data a collection takes a short live sample of
    /// each homepage, a measurement of that moment rather than of the site (a busy test machine can stall a visit),
    /// so availability is compared through the monitor's tests, not here; the soft-404 probe's page is a fresh random
    /// URL each time by design.
    /// </summary>
    private static HashSet<string> Findings(IReadOnlyList<UnitObservations> observations) =>
        observations.SelectMany(o => o.Findings
                .Where(f => !f.Rule.StartsWith("availability.", StringComparison.Ordinal) && f.Rule != "veto.unreachable")
                .Select(f => $"{o.UnitCode} {f.Rule} {f.Url}"))
            .ToHashSet(StringComparer.Ordinal);

    private static int Journals(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

    private int Stored(string run) => (int)workspace.CountWhileWriting(
        "SELECT COUNT(DISTINCT UnitCode) FROM Measurements WHERE RunId = $run AND Name = $name", ("$run", run), ("$name", RunCollector.PagesMeasurement));

    private Process StartCollect(string run)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "goveval.dll"));
        foreach (var arg in new[] { "collect", "--run", run, "--db", workspace.Db }.Concat(network))
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
