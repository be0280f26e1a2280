using GovEval.Collect.Tests.Support;
using GovEval.LinkCheck;

namespace GovEval.Collect.Tests;

/// <summary>goveval-links in-process: its rows against the sandbox's truth, its evidence, its refusals of bad input.</summary>
[Collection(LiveSandboxCollection.Name)]
public sealed class LinkCheckCommandTests(LiveSandbox live)
{
    [Fact]
    public async Task Rows_are_the_truths_broken_targets_with_their_warc_evidence()
    {
        using var folder = new TempFolder();
        var site = LinkCheckRun.Site(live);
        var run = await RunAsync([.. LinkCheckRun.Arguments(live, site, folder, folder["warc"])]);
        run.AssertMatchesTruth(live, site, folder["warc"]);
    }

    [Fact]
    public async Task Fail_on_broken_exits_3_only_when_a_link_is_broken()
    {
        using var folder = new TempFolder();
        var broken = LinkCheckRun.Site(live);
        var run = await RunAsync([.. LinkCheckRun.Arguments(live, broken, folder, folder["warc"]), "--fail-on-broken"]);
        Assert.Equal(LinkCheckCommand.BrokenLinks, run.ExitCode);
        Assert.NotEmpty(run.Rows);

        var sound = live.Sites(s => s.Broken.Count == 0 && s.Faults == Sandbox.Quality.FaultKind.None && LinkCheckRun.ExpectedBroken(live, s).Count == 0).First();
        run = await RunAsync([.. LinkCheckRun.Arguments(live, sound, folder, folder["warc2"]), "--fail-on-broken", "--max-pages", "40"]);
        Assert.True(run.ExitCode == LinkCheckCommand.Ok, $"exit {run.ExitCode}: {run.Stdout}");
        Assert.Empty(run.Rows);
    }

    [Fact]
    public async Task All_lists_working_links_too()
    {
        using var folder = new TempFolder();
        var site = LinkCheckRun.Site(live);
        var run = await RunAsync([.. LinkCheckRun.Arguments(live, site, folder, folder["warc"]), "--all", "--max-pages", "3"]);
        Assert.Equal(0, run.ExitCode);
        var rows = run.Rows;
        Assert.Contains(rows, r => r["status"] == "Ok" && r["site_fault"] == "no" && r["page"] == site.SiteUrl);
        Assert.All(rows, r => Assert.Contains(r["status"], new[] { "Ok", "HttpError", "Dns", "Tls", "Connection", "Timeout", "RedirectLoop", "TooLarge", "RobotsExcluded", "Skipped", "ScannerError", "not-checked" }));
        Assert.Contains("3 pages", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("URL", "ftp://www.example.gov.cn/")]
    [InlineData("--max-pages", "http://www.example.gov.cn/", "--max-pages", "0")]
    [InlineData("--parallelism", "http://www.example.gov.cn/", "--parallelism", "-1")]
    [InlineData("--timeout", "http://www.example.gov.cn/", "--timeout", "0")]
    [InlineData("--connect-to", "http://www.example.gov.cn/", "--connect-to", "nonsense")]
    [InlineData("--ca", "http://www.example.gov.cn/", "--ca", "/nonexistent/ca.pem")]
    [InlineData("--max-pages", "http://www.example.gov.cn/", "--max-pages", "many")]
    [InlineData("--bogus", "http://www.example.gov.cn/", "--bogus")]
    [InlineData("URL")]
    public async Task Bad_input_exits_2_naming_the_argument_and_writes_nothing(string named, params string[] args)
    {
        using var folder = new TempFolder();
        var run = await RunAsync([.. args, "--warc", folder["warc"]]);
        Assert.Equal(LinkCheckCommand.BadInput, run.ExitCode);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        Assert.False(Directory.Exists(folder["warc"]), "a refused run left a WARC folder behind");
    }

    [Fact]
    public async Task Help_names_every_option()
    {
        var run = await RunAsync(["--help"]);
        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--warc", "--max-pages", "--max-depth", "--parallelism", "--timeout", "--all", "--no-sitemap", "--fail-on-broken", "--connect-to", "--connect-to-file", "--ca", "--contact", "--no-politeness" })
        {
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fields_with_commas_quotes_or_line_breaks_are_quoted()
    {
        var link = new Core.Observations.LinkObservation(
            "http://a.gov.cn/x,y.html", "http://a.gov.cn/\"q\"", Core.Observations.LinkSource.Anchor, "办事,\"指南\"", true,
            new Core.Observations.FetchOutcome("http://a.gov.cn/\"q\"", Core.Observations.FetchStatus.Connection, null, null, [], null, null, TimeSpan.Zero, "reset,\nby peer", null));
        var rows = Csv.Read(LinkCsv.Header + "\n" + LinkCsv.Row(link) + "\n");
        var row = Assert.Single(rows);
        Assert.Equal("http://a.gov.cn/x,y.html", row["page"]);
        Assert.Equal("http://a.gov.cn/\"q\"", row["target"]);
        Assert.Equal("reset,\nby peer", row["error"]);
        Assert.Equal("办事,\"指南\"", row["text"]);
        Assert.Equal("Connection", row["status"]);
        Assert.Equal("yes", row["site_fault"]);
        Assert.Equal("", row["http_status"]);
    }

    private static async Task<LinkCheckRun> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await LinkCheckCommand.RunAsync(args, stdout, stderr);
        return new LinkCheckRun(exit, stdout.ToString(), stderr.ToString());
    }
}
