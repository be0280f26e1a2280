using System.Text.Json.Nodes;
using GovEval.Collect.Probes;
using GovEval.Core.Observations;
using GovEval.Core.Registry;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;

namespace GovEval.Tests.Cli;

/// <summary>
/// A copied framework with one number of its checks block changed, given to <c>check --framework FILE</c> and
/// <c>monitor --framework FILE</c> against the simulated web on loopback: the commands judge and sample by the file's
/// numbers, and the findings change exactly where the site model says they should.
/// </summary>
public sealed class FrameworkParametersSandboxTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2020, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly CliWorkspace workspace = new();
    private SandboxServer server = null!;
    private string routes = "";
    private string ca = "";

    public async Task InitializeAsync()
    {
        var registry = UnitRegistry.ForYear(2020);
        server = new SandboxServer(new SandboxOptions
        {
            Seed = 7,
            Sites = 40,
            Now = Now,
            PortalUnits = registry.Members(registry.Cohort("provincial")).Select(u => u.Code).ToList(),
            DelayScale = 0.02,
        });
        await server.StartAsync();
        routes = workspace.Write("routes.txt", string.Join('\n', server.Routes()) + "\n");
        ca = workspace.Write("ca.pem", server.CertificateAuthorityPem);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Check_with_a_shorter_news_period_reports_exactly_the_news_columns_older_than_it()
    {
        // A healthy site with news columns whose newest item is 2–13 days old: fresh within 2 weeks, stale within 1 day.
        var site = server.Population.Sites.Select(server.Site)
            .Where(s => s.Faults == FaultKind.None && s.FailurePercent == 0)
            .First(s => NewsAged(s, 2, 13).Count > 0);
        var national = ShippedRules.Text(ShippedRules.NationalId);
        var changed = workspace.Write("one-day-news.yaml", national
            .Replace("id: gov-website-check-2019", "id: one-day-news", StringComparison.Ordinal)
            .Replace("  news-period-days: 14\n", "  news-period-days: 1\n", StringComparison.Ordinal));
        // What the simulated web's truth says the change adds, judged with each file's numbers.
        var truthBefore = Stale(server.Truth(ShippedRules.Checks), site.Host);
        var truthAfter = Stale(server.Truth(Core.Frameworks.FrameworkLoader.LoadFile(changed).Checks!), site.Host);
        var expected = truthAfter.Except(truthBefore).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(NewsAged(site, 2, 13).Select(path => $"freshness.column {site.Host}{path}").Order(StringComparer.Ordinal), expected);

        var before = await CheckAsync(site, ShippedRules.NationalId, "national");
        var after = await CheckAsync(site, changed, "changed");

        Assert.Equal("one-day-news", (string?)after["framework"]?["id"]);
        var appeared = Findings(after).Except(Findings(before)).ToList();
        var disappeared = Findings(before).Except(Findings(after)).ToList();
        Assert.Empty(disappeared);
        Assert.Equal(expected, appeared.Where(f => f.StartsWith("freshness.column ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(appeared, f => Assert.True(f.StartsWith("freshness.column ", StringComparison.Ordinal) || f.StartsWith("veto.columns-stale ", StringComparison.Ordinal), f));
        var message = after["findings"]!.AsArray().First(f => (string?)f!["rule"] == "freshness.column" && expected[0].EndsWith(new Uri((string)f["url"]!).AbsolutePath, StringComparison.Ordinal))!;
        Assert.Contains("超过1天未更新", (string)message["message"]!);
    }

    [Fact]
    public async Task Monitor_takes_the_window_and_the_timeout_of_the_framework_file()
    {
        var site = server.Population.Sites.Select(server.Site).First(s => s.Faults == FaultKind.None && s.FailurePercent == 0);
        var text = ShippedRules.Text(ShippedRules.NationalId)
            .Replace("  homepage-timeout-seconds: 15\n", "  homepage-timeout-seconds: 2.5\n", StringComparison.Ordinal)
            .Replace("  monitor-days: 7\n", "  monitor-days: 0.125\n", StringComparison.Ordinal)
            .Replace("  monitor-visits-per-day: 20\n", "  monitor-visits-per-day: 24\n", StringComparison.Ordinal);
        var framework = workspace.Write("trial-window.yaml", text);
        var log = Path.Combine(workspace.Folder, "samples.jsonl");

        var result = await workspace.RunOkAsync("monitor", $"http://{site.Host}/", "--log", log, "--framework", framework, "--time-scale", "5000",
            "--jitter", "0", "--connect-to-file", routes, "--ca", ca, "--no-politeness");

        // 24 visits a day for an eighth of a day, one an hour, each failing after 2.5 s: the file's numbers, no option given.
        Assert.Matches(@"3 visits each \(24 a day for 0\.1[23] days, one per 1 h slot\), a visit failing after 2\.5 s", result.Out);
        var taken = new SampleLog(log).Read($"http://{site.Host}/");
        Assert.Equal(3, taken.Count);
        Assert.All(taken, s => Assert.Equal(FetchStatus.Ok, s.Outcome.Status));
        var schedule = MonitorSchedule.Of(Core.Frameworks.FrameworkLoader.LoadFile(framework).Checks!);
        Assert.Equal(3, taken.Select(s => schedule.SlotOf(s.At)).Distinct().Count());
    }

    /// <summary>Paths of the site's news columns whose newest item is between <paramref name="from"/> and <paramref name="to"/> days old.</summary>
    private static List<string> NewsAged(SiteModel site, int from, int to) => site.Columns
        .Where(c => c.Class == ColumnClass.News && c.Count > 0)
        .Where(c => site.Today.DayNumber - site.Item(c, 0).Date.DayNumber is var age && age >= from && age <= to)
        .Select(c => c.FirstPagePath)
        .ToList();

    private async Task<JsonNode> CheckAsync(SiteModel site, string framework, string name)
    {
        var output = Path.Combine(workspace.Folder, name);
        await workspace.RunOkAsync("check", $"http://{site.Host}/", "--framework", framework, "--now", Now.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            "--max-pages", "400", "--out", output, "--connect-to-file", routes, "--ca", ca, "--no-politeness");
        return JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")))!;
    }

    /// <summary>"freshness.column host/path" of the truth's stale columns of one site.</summary>
    private static HashSet<string> Stale(Sandbox.Truth.SandboxTruth truth, string host) => truth.Sites.Single(s => s.Host == host).Defects
        .Where(d => d.Rule == "freshness.column")
        .Select(d => new Uri(d.Url))
        .Select(u => $"freshness.column {u.Host}{u.AbsolutePath}")
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>"rule host/path" of every finding, the scheme left out (a site may answer over HTTPS).</summary>
    private static HashSet<string> Findings(JsonNode report) => report["findings"]!.AsArray()
        .Select(f => new Uri((string)f!["url"]!))
        .Zip(report["findings"]!.AsArray(), (url, f) => $"{(string)f!["rule"]!} {url.Host}{url.AbsolutePath}")
        .ToHashSet(StringComparer.Ordinal);
}
