using System.Text;
using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;

namespace GovEval.Collect.Tests;

/// <summary>A page's links become one observation per target and source, on short pages and long ones alike.</summary>
public sealed class LinkObservationTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(200)]
    public async Task A_target_linked_twice_the_same_way_is_one_observation_and_keeps_its_outcome(int filler)
    {
        var body = new StringBuilder("<html><body>");
        body.Append("<a href=\"/a.html\">A</a><a href=\"/a.html#top\">A again</a><img src=\"/a.html\">");
        body.Append("<a href=\"/missing.html\">gone</a><a href=\"/missing.html\">gone again</a>");
        body.Append("<form action=\"/\"></form><form action=\"/search\"></form><form action=\"/search\" method=\"post\"></form>");
        for (var i = 0; i < filler; i++)
        {
            body.Append("<a href=\"/f").Append(i % 50).Append(".html\">f</a>");
        }

        body.Append("</body></html>");
        var home = Encoding.UTF8.GetBytes(body.ToString());
        using var server = LoopbackListener.Start(async context =>
        {
            var path = context.Request.Url!.AbsolutePath;
            var ok = path is "/" or "/a.html" || path.StartsWith("/f", StringComparison.Ordinal);
            context.Response.StatusCode = ok ? 200 : 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            var bytes = path == "/" ? home : Encoding.UTF8.GetBytes("<html><body>page</body></html>");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }, out var port);

        using var fetcher = new Fetcher(new FetchOptions { Politeness = false, RespectRobots = false });
        var crawler = new SiteCrawler(fetcher, new LinkCheckCache(fetcher), new CrawlOptions { UseSitemap = false, Parallelism = 4 });
        var result = await crawler.CrawlAsync($"http://127.0.0.1:{port}/", DateTimeOffset.UtcNow);

        var fromHome = result.Links.Where(l => l.Page == $"http://127.0.0.1:{port}/").ToList();
        var a = fromHome.Where(l => l.Target == $"http://127.0.0.1:{port}/a.html").ToList();
        Assert.Equal([LinkSource.Anchor, LinkSource.Image], a.Select(l => l.Source).Order());
        Assert.All(a, l => Assert.Equal(FetchStatus.Ok, l.Outcome!.Status));
        var missing = Assert.Single(fromHome, l => l.Target == $"http://127.0.0.1:{port}/missing.html");
        Assert.Equal(404, missing.Outcome!.HttpStatus);
        Assert.Equal(Math.Min(filler, 50), fromHome.Count(l => l.Target.Contains("/f", StringComparison.Ordinal)));

        // Forms are recorded, never submitted: one observation per action, with the outcome its URL has anyway.
        var forms = fromHome.Where(l => l.Source == LinkSource.Form).ToList();
        Assert.Equal([$"http://127.0.0.1:{port}/", $"http://127.0.0.1:{port}/search"], forms.Select(l => l.Target).Order(StringComparer.Ordinal));
        Assert.Equal(FetchStatus.Ok, forms.Single(l => l.Target == $"http://127.0.0.1:{port}/").Outcome!.Status);
        Assert.Null(forms.Single(l => l.Target.EndsWith("/search", StringComparison.Ordinal)).Outcome);
    }
}
