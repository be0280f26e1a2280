using GovEval.Collect.Fetching;
using GovEval.Collect.Tests.Support;
using GovEval.Collect.Warc;
using GovEval.Core.Observations;

namespace GovEval.Collect.Tests;

/// <summary>A crawled page is fetched for its text only (<see cref="FetchRequest.HtmlWithoutBody"/>): same page, same archive.</summary>
[Collection(LiveSandboxCollection.Name)]
public sealed class CrawlPageFetchTests(LiveSandbox live)
{
    [Fact]
    public async Task A_crawled_page_keeps_its_text_and_evidence_but_not_a_copy_of_its_bytes()
    {
        using var folder = new TempFolder();
        var site = live.Sites(s => s.Https == Sandbox.Sites.HttpsMode.Good).First();
        var url = site.Url("/");
        using var warc = new WarcWriter(folder.Path);
        using var fetcher = live.Fetcher(o => new FetchOptions { ConnectTo = o.ConnectTo, ExtraRootsPem = o.ExtraRootsPem, Politeness = false, Warc = warc });

        var plain = await fetcher.FetchAsync(url, FetchRequest.Get);
        var crawled = await fetcher.FetchAsync(url, FetchRequest.CrawlPage(new Uri(url)));

        Assert.Equal(FetchStatus.Ok, plain.Outcome.Status);
        Assert.Equal(FetchStatus.Ok, crawled.Outcome.Status);
        Assert.False(plain.Body.IsEmpty);
        Assert.True(crawled.Body.IsEmpty);
        Assert.Equal(plain.Charset, crawled.Charset);
        Assert.Contains("</html>", crawled.Html, StringComparison.Ordinal);

        // The text is the archived bytes, decoded as a browser would (sandbox sites use GB18030 and UTF-8 alike):
        // the archive keeps what was received.
        warc.Dispose();
        var payload = WarcReader.Find(folder.Path, crawled.Outcome.Evidence!.Record)!.Payload.Span;
        Assert.Equal(CharsetDetector.Decode(payload, CharsetDetector.Detect(payload, crawled.Outcome.ContentType)), crawled.Html);
    }

    [Fact]
    public async Task A_crawled_url_that_is_not_html_keeps_its_body()
    {
        var site = live.Sites(s => s.Https == Sandbox.Sites.HttpsMode.Good).First();
        using var fetcher = live.Fetcher();
        var robots = await fetcher.FetchAsync(site.Url("/robots.txt"), FetchRequest.CrawlPage(null));

        Assert.Equal(FetchStatus.Ok, robots.Outcome.Status);
        Assert.Null(robots.Html);
        Assert.Contains("User-agent", System.Text.Encoding.UTF8.GetString(robots.Body.Span), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_uncompressed_body_over_the_inflation_cap_is_refused_as_a_compressed_one_would_be()
    {
        var site = live.Sites(s => s.Https == Sandbox.Sites.HttpsMode.Good).First();
        using var fetcher = live.Fetcher(o => new FetchOptions { ConnectTo = o.ConnectTo, ExtraRootsPem = o.ExtraRootsPem, Politeness = false, MaxInflatedBytes = 1000 });
        var result = await fetcher.FetchAsync(site.Url("/"), FetchRequest.CrawlPage(null));

        Assert.Equal(FetchStatus.TooLarge, result.Outcome.Status);
        Assert.Null(result.Html);
    }
}
