using GovEval.Collect.Tests.Support;

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

    [Fact]
    public async Task The_native_executable_refuses_bad_input_with_exit_2()
    {
        var run = await NativeLinks.RunAsync(["http://www.example.gov.cn/", "--max-pages", "0"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--max-pages: must be at least 1, got 0", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
