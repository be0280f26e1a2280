using System.Text;
using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;

namespace GovEval.Collect.Tests;

/// <summary>
/// A list's pages are one column, not one click each: fixture sites with long lists (a TRS pager, a query pager,
/// rel=next and page numbers alone) are crawled whole under a small depth cap, while an endless pager and a
/// calendar paged by › still end within it.
/// </summary>
public sealed class PaginationCrawlTests
{
    private static readonly DateTimeOffset Now = new(2020, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_list_of_40_pages_chained_by_the_trs_pager_is_crawled_whole_at_depth_two()
    {
        const int pages = 40;
        using var site = new FixtureSite((path, _) =>
        {
            if (path == "/")
            {
                return FixtureSite.Page("<a href=\"/zwgk/tzgg/index.html\">通知公告</a>");
            }

            if (path.StartsWith("/zwgk/tzgg/2020", StringComparison.Ordinal))
            {
                return FixtureSite.Page("<h1>通知</h1><p>正文</p>");
            }

            var page = path == "/zwgk/tzgg/index.html" ? 0 : int.TryParse(path.Replace("/zwgk/tzgg/index_", "").Replace(".html", ""), out var p) ? p : -1;
            return page is >= 0 and < pages ? FixtureSite.Page(TrsList(page, pages)) : null;
        });

        var result = await Crawl(site, new CrawlOptions { MaxDepth = 2, UseSitemap = false, MaxPages = 1000 });

        var lists = result.Pages.Where(p => p.Url.Contains("/index", StringComparison.Ordinal)).ToList();
        Assert.Equal(pages, lists.Count);
        Assert.All(lists, p => Assert.Equal(1, p.Depth));
        var articles = result.Pages.Where(p => p.Url.Contains("/t2020", StringComparison.Ordinal)).ToList();
        Assert.Equal(pages * 3, articles.Count);
        Assert.All(articles, p => Assert.Equal(2, p.Depth));
        Assert.All(result.Pages, p => Assert.Equal(FetchStatus.Ok, p.Outcome.Status));
        Assert.DoesNotContain(result.Links, l => l.Outcome is { Status: FetchStatus.Skipped });
    }

    [Fact]
    public async Task A_query_pager_past_the_query_variant_cap_is_crawled_whole()
    {
        const int pages = 30;
        using var site = new FixtureSite((path, query) =>
        {
            if (path == "/")
            {
                return FixtureSite.Page("<a href=\"/col/list.jsp?page=1\">政务动态</a>");
            }

            if (path.StartsWith("/art/", StringComparison.Ordinal))
            {
                return FixtureSite.Page("<p>正文</p>");
            }

            if (path != "/col/list.jsp" || !int.TryParse(query.Replace("page=", ""), out var page) || page is < 1 or > pages)
            {
                return null;
            }

            var body = new StringBuilder($"<ul><li><a href=\"/art/{page}.html\">第{page}页的文章</a></li></ul><div class=\"pager\">");
            if (page > 1)
            {
                body.Append($"<a href=\"list.jsp?page=1\">首页</a> <a href=\"list.jsp?page={page - 1}\">上页</a> ");
            }

            if (page < pages)
            {
                body.Append($"<a href=\"list.jsp?page={page + 1}\">下页</a> <a href=\"list.jsp?page={pages}\">末页</a>");
            }

            return FixtureSite.Page(body.Append("</div>").ToString());
        });

        var options = new CrawlOptions { MaxDepth = 2, UseSitemap = false, MaxPages = 1000 };
        Assert.True(pages > options.MaxQueryVariantsPerPath);
        var result = await Crawl(site, options);

        Assert.Equal(pages, result.Pages.Count(p => p.Url.Contains("list.jsp", StringComparison.Ordinal)));
        Assert.Equal(pages, result.Pages.Count(p => p.Url.Contains("/art/", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Links, l => l.Outcome is { Status: FetchStatus.Skipped });
    }

    [Fact]
    public async Task Lists_paged_by_rel_next_alone_or_by_page_numbers_alone_are_crawled_whole()
    {
        const int pages = 12;
        using var site = new FixtureSite((path, _) =>
        {
            if (path == "/")
            {
                return FixtureSite.Page("<a href=\"/news/1.html\">新闻</a><a href=\"/notice/1.html\">公告</a>");
            }

            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1].Replace(".html", ""), out var n))
            {
                return null;
            }

            if (parts[0] is "news-item" or "notice-item")
            {
                return FixtureSite.Page("<p>正文</p>");
            }

            if (n is < 1 or > pages)
            {
                return null;
            }

            var items = $"<ul><li><a href=\"/{parts[0]}-item/{n}.html\">条目{n}</a></li></ul>";
            if (parts[0] == "news")
            {
                // The head's pointer only: no pager a visitor sees.
                var next = n < pages ? $"<link rel=\"next\" href=\"{n + 1}.html\">" : "";
                return $"<!DOCTYPE html><html><head>{next}<title>新闻</title></head><body><a href=\"/\">首页</a>{items}</body></html>";
            }

            if (parts[0] == "notice")
            {
                // Page numbers around this one and an arrow: 1 2 [3] 4 5 ›
                var pager = new StringBuilder("<div class=\"pages\">");
                for (var p = Math.Max(1, n - 2); p <= Math.Min(pages, n + 2); p++)
                {
                    pager.Append(p == n ? $"<b>{p}</b> " : $"<a href=\"{p}.html\">{p}</a> ");
                }

                if (n < pages)
                {
                    pager.Append($"<a href=\"{n + 1}.html\">›</a>");
                }

                return FixtureSite.Page(items + pager.Append("</div>"));
            }

            return null;
        });

        var result = await Crawl(site, new CrawlOptions { MaxDepth = 2, UseSitemap = false, MaxPages = 1000 });

        foreach (var column in new[] { "news", "notice" })
        {
            var lists = result.Pages.Where(p => p.Url.Contains($"/{column}/", StringComparison.Ordinal)).ToList();
            Assert.Equal(pages, lists.Count);
            Assert.All(lists, p => Assert.Equal(1, p.Depth));
            Assert.Equal(pages, result.Pages.Count(p => p.Url.Contains($"/{column}-item/", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task A_pager_that_never_ends_is_held_by_the_depth_cap_once_its_pages_bring_nothing_new()
    {
        // Every page number answers the same three items and a 下一页 to the next number, forever.
        using var site = new FixtureSite((path, query) => path switch
        {
            "/" => FixtureSite.Page("<a href=\"/list.jsp?page=1\">列表</a>"),
            "/list.jsp" when int.TryParse(query.Replace("page=", ""), out var page) =>
                FixtureSite.Page($"<ul><li><a href=\"/a/1.html\">一</a></li><li><a href=\"/a/2.html\">二</a></li><li><a href=\"/a/3.html\">三</a></li></ul><a href=\"list.jsp?page={page + 1}\">下一页</a>"),
            _ when path.StartsWith("/a/", StringComparison.Ordinal) => FixtureSite.Page("<p>正文</p>"),
            _ => null,
        });

        var options = new CrawlOptions { MaxDepth = 4, UseSitemap = false, MaxPages = 500 };
        var result = await Crawl(site, options);

        // Page 1 (depth 1) brought the items, so page 2 is at depth 1 too; page 2 brought nothing, so page 3 is a
        // click deeper, and so on to the cap: pages 1-5, page 6 refused.
        var lists = result.Pages.Where(p => p.Url.Contains("list.jsp", StringComparison.Ordinal)).OrderBy(p => p.Depth).ToList();
        Assert.Equal([1, 1, 2, 3, 4], lists.Select(p => p.Depth));
        Assert.Contains(result.Links, l => l.Target.EndsWith("page=6", StringComparison.Ordinal) && l.Outcome is { Status: FetchStatus.Skipped, Error: "depth limit reached" });
        Assert.Equal(0, site.Requests("/list.jsp?page=6"));
    }

    [Fact]
    public async Task A_calendar_paged_by_arrows_stays_a_click_per_month_and_ends_at_the_depth_cap()
    {
        // Each month links its days and the months before and after it with ‹ and ›: an endless space of months.
        using var site = new FixtureSite((path, _) =>
        {
            if (path == "/")
            {
                return FixtureSite.Page("<a href=\"/hdjl/cal/2020-11.html\">活动日历</a>");
            }

            if (!path.StartsWith("/hdjl/cal/", StringComparison.Ordinal) || !DateOnly.TryParseExact(path[10..].Replace(".html", "") + "-01", "yyyy-MM-dd", out var month))
            {
                return path.StartsWith("/hdjl/day/", StringComparison.Ordinal) ? FixtureSite.Page("<p>活动</p>") : null;
            }

            var days = string.Concat(Enumerable.Range(1, 3).Select(d => $"<a href=\"/hdjl/day/{month:yyyy-MM}-{d:00}.html\">{d}</a>"));
            return FixtureSite.Page($"<a href=\"{month.AddMonths(-1):yyyy-MM}.html\">‹</a> <a href=\"{month.AddMonths(1):yyyy-MM}.html\">›</a>{days}");
        });

        var options = new CrawlOptions { MaxDepth = 5, UseSitemap = false, MaxPages = 2000 };
        var result = await Crawl(site, options);

        // November at depth 1, then one month further each way per click: 1 + 2 × 4 months within depth 5.
        var months = result.Pages.Where(p => p.Url.Contains("/hdjl/cal/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2 * options.MaxDepth - 1, months.Count);
        Assert.Equal(options.MaxDepth, months.Max(p => p.Depth));
        Assert.Contains(result.Links, l => l.Target.EndsWith("/hdjl/cal/2021-04.html", StringComparison.Ordinal) && l.Outcome is { Status: FetchStatus.Skipped, Error: "depth limit reached" });
    }

    private static async Task<CrawlResult> Crawl(FixtureSite site, CrawlOptions options)
    {
        using var fetcher = new Fetcher(new FetchOptions { Politeness = false, RespectRobots = false });
        return await new SiteCrawler(fetcher, new LinkCheckCache(fetcher), options).CrawlAsync(site.Url, Now);
    }

    /// <summary>A TRS list page: three articles, then 首页 上一页 (five page numbers) 下一页 尾页.</summary>
    private static string TrsList(int page, int pages)
    {
        static string File(int p) => p == 0 ? "index.html" : $"index_{p}.html";
        var html = new StringBuilder("<ul class=\"list\">");
        for (var k = 0; k < 3; k++)
        {
            var id = page * 3 + k;
            html.Append($"<li><a href=\"./202011/t20201130_{id}.html\">关于第{id}项工作的通知</a><span>2020-11-30</span></li>");
        }

        html.Append($"</ul><div class=\"page\">共{pages}页 <a href=\"index.html\">首页</a> ");
        if (page > 0)
        {
            html.Append($"<a href=\"{File(page - 1)}\">上一页</a> ");
        }

        var first = Math.Max(0, Math.Min(page - 2, pages - 5));
        for (var p = first; p < first + 5; p++)
        {
            html.Append(p == page ? $"<span>{p + 1}</span> " : $"<a href=\"{File(p)}\">{p + 1}</a> ");
        }

        if (page + 1 < pages)
        {
            html.Append($"<a href=\"{File(page + 1)}\">下一页</a> ");
        }

        return html.Append($"<a href=\"{File(pages - 1)}\">尾页</a></div>").ToString();
    }
}
