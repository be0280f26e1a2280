using System.Text;
using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;

namespace GovEval.Collect.Tests;

/// <summary>Pages built to stall a crawler: too many links, comments that hid a quadratic scan, a site past its budget.</summary>
public sealed class HostilePageCrawlTests
{
    [Fact]
    public void Links_past_the_limit_are_counted_not_kept()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 50; i++)
        {
            html.Append("<a href=\"/a").Append(i).Append(".html\">第").Append(i).Append("条</a><img src=\"/i").Append(i).Append(".png\">");
        }

        var links = new List<ExtractedLink>();
        var dropped = LinkExtractor.Extract(html.Append("</body></html>").ToString(), links, 30, out _);

        Assert.Equal(30, links.Count);
        Assert.Equal(70, dropped);
        Assert.Equal("第14条", links[28].Text);
    }

    // Each comment used to search the rest of the page for "--!>": 200,000 comments never finished.
    [Fact(Timeout = 120_000)]
    public async Task A_page_of_200000_comments_is_read_in_one_pass()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 200_000; i++)
        {
            html.Append("<!-- note --><a href=\"/a").Append(i % 1000).Append(".html\">x</a>");
        }

        html.Append("<!-- bang --!><a href=\"/last.html\">last</a><!-- unclosed <a href=\"/hidden.html\">no</a>");
        var text = html.ToString();
        var links = await Task.Run(() => LinkExtractor.Extract(text, out _));

        Assert.Equal(200_001, links.Count);
        Assert.Equal("/last.html", links[^1].Reference);
    }

    [Fact]
    public async Task A_homepage_over_the_link_limit_leaves_its_link_rule_not_measured_with_the_limit_named()
    {
        var body = new StringBuilder("<html><body>");
        for (var i = 0; i < 40; i++)
        {
            body.Append("<a href=\"/p").Append(i).Append(".html\">p</a>");
        }

        var home = Encoding.UTF8.GetBytes(body.Append("</body></html>").ToString());
        using var server = LoopbackListener.Start(async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var bytes = context.Request.Url!.AbsolutePath == "/" ? home : Encoding.UTF8.GetBytes("<html><body>page</body></html>");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }, out var port);

        using var fetcher = new Fetcher(new FetchOptions { Politeness = false, RespectRobots = false });
        var crawler = new SiteCrawler(fetcher, new LinkCheckCache(fetcher), new CrawlOptions { UseSitemap = false, MaxLinksPerPage = 10, MaxPages = 100 });
        var result = await crawler.CrawlAsync($"http://127.0.0.1:{port}/", DateTimeOffset.UtcNow);

        Assert.Equal(10, result.Links.Count);
        Assert.Equal(11, result.Pages.Count);
        var reason = Assert.Single(result.NotMeasured, n => n.Rule == "links.broken-homepage").Reason;
        Assert.Contains("上限 10 个", reason, StringComparison.Ordinal);
        Assert.Contains("另有 30 个", reason, StringComparison.Ordinal);
        Assert.Contains("--max-links-per-page", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crawl_past_the_site_budget_keeps_what_it_read_and_leaves_the_rest_not_measured()
    {
        // The homepage answers; every other page waits for the budget, which the test then lets run out.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var home = Encoding.UTF8.GetBytes("<html><body><a href=\"/slow.html\">slow</a><a href=\"/slower.html\">slower</a></body></html>");
        using var server = LoopbackListener.Start(async context =>
        {
            if (context.Request.Url!.AbsolutePath != "/")
            {
                waiting.TrySetResult();
                await release.Task;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(context.Request.Url!.AbsolutePath == "/" ? home : "<html><body>late</body></html>"u8.ToArray());
            context.Response.Close();
        }, out var port);

        var clock = new HeldClock();
        using var budget = new SiteBudget(TimeSpan.FromMinutes(5), clock);
        using var fetcher = new Fetcher(new FetchOptions { Politeness = false, RespectRobots = false });
        var crawler = new SiteCrawler(fetcher, new LinkCheckCache(fetcher), new CrawlOptions { UseSitemap = false, Budget = budget });
        var crawl = crawler.CrawlAsync($"http://127.0.0.1:{port}/", DateTimeOffset.UtcNow);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, clock.Timers);
        clock.Fire();
        var result = await crawl;
        release.SetResult();

        Assert.True(result.Cut);
        Assert.Equal($"http://127.0.0.1:{port}/", Assert.Single(result.Pages).Url);
        foreach (var rule in new[] { "links.broken", "content.typo", "freshness.column", "veto.columns-stale" })
        {
            Assert.Contains("单站时间预算", Assert.Single(result.NotMeasured, n => n.Rule == rule).Reason, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(result.NotMeasured, n => n.Rule == "links.broken-homepage");
        Assert.DoesNotContain(result.Links, l => l.Outcome is { IsSiteFault: true });
    }

    /// <summary>A clock whose timers fire only when the test says so: the budget runs out at a chosen moment.</summary>
    private sealed class HeldClock : TimeProvider
    {
        private readonly List<(TimerCallback Callback, object? State)> timers = [];

        public int Timers
        {
            get
            {
                lock (timers)
                {
                    return timers.Count;
                }
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                lock (timers)
                {
                    timers.Add((callback, state));
                }
            }

            return new Held();
        }

        public void Fire()
        {
            List<(TimerCallback Callback, object? State)> due;
            lock (timers)
            {
                due = [.. timers];
                timers.Clear();
            }

            foreach (var (callback, state) in due)
            {
                callback(state);
            }
        }

        private sealed class Held : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
