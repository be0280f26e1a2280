using System.Text.Json;
using GovEval.Sandbox.Truth;
using GovEval.Store;
using GovEval.Tests.Cli;
using Microsoft.Data.Sqlite;

namespace GovEval.Tests.Demo;

/// <summary>
/// The README's first command, thinned to about 60 websites: it publishes a release that opens offline and agrees
/// with the simulated web's truth — a site the truth makes unreachable fails the national check (单项否决, 不合格), a
/// site the truth gives no defect loses no point of the check's 100 deduction points.
/// </summary>
public sealed partial class DemoRunTests : IClassFixture<DemoRunTests.DemoOutput>
{
    private readonly DemoOutput demo;

    public DemoRunTests(DemoOutput demo) => this.demo = demo;

    public sealed class DemoOutput : IAsyncLifetime
    {
        public CliWorkspace Workspace { get; } = new();

        public string Folder => Path.Combine(Workspace.Folder, "demo");

        public CliResult Result { get; private set; } = null!;

        public SandboxTruth Truth { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Result = await Workspace.RunAsync("demo", "--out", Folder, "--sites", "60", "--max-pages", "80");
            Assert.True(Result.Code == 0, Result.Error + Result.Out);
            Truth = JsonSerializer.Deserialize<SandboxTruth>(File.ReadAllText(Path.Combine(Folder, "sandbox", "truth.json")), TruthWriter.Json)!;
        }

        public Task DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            Workspace.Dispose();
            return Task.CompletedTask;
        }
    }

    private async Task<(GovEvalStore Store, string Run)> RunAsync(string name)
    {
        var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(Path.Combine(demo.Folder, "data", "goveval.db")));
        var run = (await store.RunsAsync()).Single(r => r.Name.Contains(name, StringComparison.Ordinal));
        return (store, run.Id);
    }

    [Fact]
    public async Task A_site_the_truth_makes_unreachable_is_not_qualified()
    {
        var (store, run) = await RunAsync("抽查");
        await using var _ = store;
        var sheets = (await store.ScoreSheetsAsync(run)).ToDictionary(s => s.UnitCode);
        var unreachable = demo.Truth.Sites.Where(s => s.Defects.Any(d => d.Rule == "veto.unreachable")).ToList();
        Assert.NotEmpty(unreachable);
        Assert.All(unreachable, site => Assert.Equal((site.Unit, "不合格"), (site.Unit, sheets[site.Unit].Grade)));
        Assert.All(unreachable, site => Assert.Contains("veto.unreachable", sheets[site.Unit].Vetoes));
    }

    [Fact]
    public async Task A_site_without_defects_loses_no_point()
    {
        var (store, run) = await RunAsync("抽查");
        await using var _ = store;
        var sheets = (await store.ScoreSheetsAsync(run)).ToDictionary(s => s.UnitCode);
        var clean = demo.Truth.Sites.Where(s => s.Defects.Count == 0).ToList();
        Assert.NotEmpty(clean);
        foreach (var site in clean)
        {
            var sheet = sheets[site.Unit];
            var deductions = sheet.Root.Children.Single(p => p.Id == "part2");
            var lost = string.Join("; ", sheet.Nodes().Where(n => n.Children.Count == 0 && n.Earned < n.Max).Select(n => $"{n.Id} {n.Earned}/{n.Max} {string.Join(" ", n.Lines.Select(l => l.Text + " " + string.Join(" ", l.Evidence.Select(e => e.Url))))}"));
            Assert.True((sheet.Grade, deductions.Earned) == ("合格", deductions.Max), $"{site.Host} ({site.Unit}): {sheet.Grade}, {deductions.Earned}/{deductions.Max}; lost {lost}");
        }
    }

    [Fact]
    public void The_release_opens_offline_and_links_to_every_unit_sheet()
    {
        var release = Path.Combine(demo.Folder, "release");
        var pages = Directory.GetFiles(release, "*.html", SearchOption.AllDirectories);
        Assert.Contains(pages, p => p.EndsWith(Path.Combine("release", "index.html"), StringComparison.Ordinal));
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        }

        var website = File.ReadAllText(Path.Combine(release, "gov-website-performance-2020", "index.html"));
        Assert.Contains("前10名", website);
        var capability = File.ReadAllText(Path.Combine(release, "digital-gov-capability-2020", "index.html"));
        Assert.Contains("优秀级", capability);
        Assert.Contains("上升至", capability);
        Assert.Contains(Path.Combine(release, "index.html"), demo.Result.Out);
    }

    [Fact]
    public async Task A_lost_point_links_to_the_archived_page_behind_it()
    {
        var (store, run) = await RunAsync("抽查");
        await using var _ = store;
        var unit = (await store.ObservationsAsync(run)).First(o => o.Findings.Any(f => f.Rule == "links.broken-homepage" && f.Evidence is not null));
        var record = unit.Findings.First(f => f.Rule == "links.broken-homepage").Evidence!.Record;
        var sheet = File.ReadAllText(Path.Combine(demo.Folder, "release", "gov-website-check-2019", "units", unit.UnitCode + ".html"));
        Assert.Contains("证据存档", sheet);
        var row = sheet.IndexOf($"<tr><th>记录编号</th><td><code>{record}</code>", StringComparison.Ordinal);
        Assert.True(row > 0, $"no capture of record {record} in {unit.UnitCode}'s sheet");
        var heading = System.Text.RegularExpressions.Regex.Matches(sheet[..row], "<h3 id=\"(capture-\\d+)\">").Last().Groups[1].Value;
        Assert.Contains($"<a href=\"#{heading}\">查看存档</a>", sheet);
        Assert.DoesNotContain("<script", sheet, StringComparison.OrdinalIgnoreCase);
    }
}
