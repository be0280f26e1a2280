using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GovEval.Sandbox.Rendering;
using GovEval.Sandbox.Server;

namespace GovEval.Sandbox.Tests.Support;

/// <summary>A page the test crawler read: its URL, status, parsed document and the absolute links it holds.</summary>
public sealed record CrawledPage(string Url, Fetched Fetched, IDocument? Document, IReadOnlyList<string> Links);

/// <summary>
/// Breadth-first crawl of one site through <see cref="InProcessClient"/>, parsing with AngleSharp (an HTML5
/// parser, as GovEval's checks do). Respects robots.txt's /print/ and stays off the scanner traps.
/// </summary>
public static class TestCrawler
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static List<CrawledPage> Crawl(SandboxServer server, string host, int maxPages = 5000)
    {
        var start = new Uri(InProcessClient.Get(server, $"http://{host}/").Url);
        var queue = new Queue<string>([start.ToString()]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.ToString() };
        var pages = new List<CrawledPage>();
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var url = queue.Dequeue();
            var fetched = InProcessClient.Get(server, url);
            var document = fetched.Text is { } text && (fetched.Response.ContentType ?? "").StartsWith("text/html", StringComparison.Ordinal) ? Parse(text) : null;
            var links = document is null ? [] : Links(document, new Uri(fetched.Url));
            pages.Add(new CrawledPage(fetched.Url, fetched, document, links));
            foreach (var link in links)
            {
                var uri = new Uri(link);
                if (uri.Host == start.Host && !Trap(uri) && seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        return pages;
    }

    public static IReadOnlyList<string> Links(IDocument document, Uri baseUri) =>
        document.QuerySelectorAll("a[href], img[src], link[href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src"))
            .Where(h => !string.IsNullOrEmpty(h) && !h!.StartsWith('#') && !h.StartsWith("javascript:", StringComparison.Ordinal))
            .Select(h => new Uri(baseUri, h!))
            .Select(u => new UriBuilder(u) { Fragment = "" }.Uri.ToString())
            .Distinct()
            .ToList();

    /// <summary>Endless or huge resources a bounded crawler must not walk into (the faults tests cover them).</summary>
    private static bool Trap(Uri uri) =>
        uri.AbsolutePath.StartsWith(FaultPaths.PrintPrefix + "/", StringComparison.Ordinal)
        || uri.AbsolutePath is FaultPaths.CalendarPath or FaultPaths.LargePage or FaultPaths.GzipBomb
        || uri.AbsolutePath.StartsWith("/old/", StringComparison.Ordinal)
        || uri.Query.Contains("sort", StringComparison.Ordinal)
        || uri.AbsolutePath == "/search";
}
