using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Sites;

namespace GovEval.Collect.Tests;

/// <summary>
/// goveval-links as shipped, a native executable: it must crawl, classify and archive exactly as the JIT-compiled
/// code does (a trimmed-away serializer or reflection would only show here, at run time).
/// </summary>
[Collection(LiveSandboxCollection.Name)]
public sealed class NativeLinkCheckTests(LiveSandbox live)
{
    [Fact]
    public async Task The_native_executable_finds_the_truths_broken_targets_with_evidence()
    {
        using var folder = new TempFolder();
        var site = LinkCheckRun.Site(live);
        var run = await NativeLinks.RunAsync(LinkCheckRun.Arguments(live, site, folder, folder["warc"]));
        run.AssertMatchesTruth(live, site, folder["warc"]);
    }

    [Theory]
    [InlineData(FaultKind.GzipBomb)]
    [InlineData(FaultKind.LargePage)]
    [InlineData(FaultKind.MalformedHtml)]
    [InlineData(FaultKind.TransientReset)]
    [InlineData(FaultKind.RedirectChain)]
    [InlineData(FaultKind.RobotsDisallowed)]
    public async Task The_native_executable_survives_scanner_faults_without_blaming_the_site(FaultKind fault)
    {
        using var folder = new TempFolder();
        var site = live.With(fault, s => !s.Faults.HasFlag(FaultKind.SlowResponse) && !s.Faults.HasFlag(FaultKind.SlowDrip));
        var run = await NativeLinks.RunAsync([.. LinkCheckRun.Arguments(live, site, folder, folder["warc"]), "--max-pages", "80"]);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        var expected = LinkCheckRun.ExpectedBroken(live, site);
        Assert.All(run.Rows, r => Assert.Contains(UrlNormalizer.Normalize(r["target"]), expected));
        Assert.Contains("goveval-links: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_native_executable_decodes_gbk_pages()
    {
        using var folder = new TempFolder();
        var site = live.Sites(s => s.Encoding == PageEncoding.Gbk && !s.Faults.HasFlag(FaultKind.SlowResponse) && !s.Faults.HasFlag(FaultKind.SlowDrip)).First();
        var run = await NativeLinks.RunAsync([.. LinkCheckRun.Arguments(live, site, folder, folder["warc"]), "--max-pages", "5", "--all"]);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        var texts = run.Rows.Select(r => r["text"]).Where(t => t.Length > 0).ToList();
        Assert.Contains(texts, t => t.Any(c => c is >= '\u4e00' and <= '\u9fff'));
        Assert.DoesNotContain(texts, t => t.Contains('\ufffd'));
    }

    // SIGTERM (a CI job's timeout) and SIGINT (Ctrl-C) share one handler. The test sends SIGTERM: a shell starts
    // background jobs with SIGINT ignored, and a process cannot catch a signal it inherited as ignored.
    [Fact]
    public async Task A_stop_signal_ends_the_crawl_and_leaves_whole_warc_records()
    {
        using var folder = new TempFolder();
        var site = live.Sites(s => !s.Faults.HasFlag(FaultKind.SlowResponse) && !s.Faults.HasFlag(FaultKind.SlowDrip)).MaxBy(s => s.Columns.Count)!;
        // Polite (a request every 250 ms): the crawl is still running when the signal comes.
        var args = LinkCheckRun.Arguments(live, site, folder, folder["warc"]).Where(a => a != "--no-politeness");
        var run = await NativeLinks.RunAsync(args, async process =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && !(Directory.Exists(folder["warc"]) && WarcBytes(folder["warc"]) > 20_000))
            {
                await Task.Delay(50);
            }

            Assert.False(process.HasExited, "the crawl ended before it could be interrupted");
            using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("interrupted", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        var file = Assert.Single(Directory.GetFiles(folder["warc"]));
        var records = Collect.Warc.WarcReader.ReadAll(file).ToList();
        Assert.Contains(records, r => r.Type == "response" && r.HttpStatus == 200);
        Assert.All(records, r => Assert.NotNull(r.RecordId));
    }

    private static long WarcBytes(string folder) => Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);

    [Fact]
    public async Task The_native_executable_refuses_bad_input_with_exit_2()
    {
        var run = await NativeLinks.RunAsync(["http://www.example.gov.cn/", "--max-pages", "0"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--max-pages: must be at least 1, got 0", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
