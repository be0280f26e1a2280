using GovEval.Collect.Crawling;
using GovEval.Core.Observations;

namespace GovEval.Checks.Tests.Hostile;

/// <summary>
/// A site of one page built the way <c>goveval check</c> builds it: the crawler's own link extraction and
/// resolution (with its links-per-page limit) over the page's HTML, then the observation the checks read.
/// </summary>
public static class CrawledPage
{
    public const string Home = "http://www.example.gov.cn/";

    public static readonly DateTimeOffset Now = new(2024, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));

    public static SiteObservation Site(string html, int maxLinks = 10_000)
    {
        var extracted = new List<ExtractedLink>();
        var dropped = LinkExtractor.Extract(html, extracted, maxLinks, out var baseHref);
        var resolved = new LinkResolver(new CrawlScope(new Uri(Home), [])).Resolve(extracted, new Uri(Home), baseHref);
        var outcome = new FetchOutcome(Home, FetchStatus.Ok, 200, Home, [], "text/html; charset=utf-8", html.Length, TimeSpan.FromMilliseconds(20), null, null);
        var page = new PageObservation(Home, outcome, new Dictionary<string, string>(), html, "utf-8", 0, null, Now);
        var links = resolved
            .Where(l => l.Role != LinkRole.Form)
            .Select(l => new LinkObservation(Home, l.Target, l.Source, l.Text, l.Internal,
                new FetchOutcome(l.Target, FetchStatus.Skipped, null, null, [], null, null, TimeSpan.Zero, "page limit reached", null)))
            .ToList();
        IReadOnlyList<NotMeasured> notMeasured = dropped > 0 ? [new NotMeasured("links.broken-homepage", $"{dropped} links past the limit")] : [];
        return new SiteObservation(Home, Now, [page], links, [], null, null, null, notMeasured);
    }

    public static string Page(Action<System.Text.StringBuilder> body)
    {
        var html = new System.Text.StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>首页</title></head><body>\n");
        body(html);
        return html.Append("</body></html>\n").ToString();
    }
}
