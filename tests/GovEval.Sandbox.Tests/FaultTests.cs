using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Rendering;
using GovEval.Sandbox.Sites;
using GovEval.Sandbox.Tests.Support;

namespace GovEval.Sandbox.Tests;

/// <summary>Each scanner fault behaves as specified over real HTTP: timing, status, headers, size.</summary>
[Collection(LiveSandboxCollection.Name)]
public sealed class FaultTests(LiveSandbox live)
{
    private SiteModel With(FaultKind fault, Func<SiteModel, bool>? also = null) =>
        live.Sites(s => s.Faults.HasFlag(fault) && (also?.Invoke(s) ?? true)).First();

    [Fact]
    public async Task A_slow_response_waits_before_answering()
    {
        var site = With(FaultKind.SlowResponse);
        var column = site.Columns.First(c => c.Class == ColumnClass.Other);
        using var client = live.Client();
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(site.Url(column.FirstPagePath));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= live.Server.Options.Scaled(live.Server.Options.SlowResponseDelay), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_slow_drip_spreads_the_body_over_its_duration()
    {
        var site = With(FaultKind.SlowDrip, s => s.Columns.Any(c => c.Class == ColumnClass.Static && c.Count > 0));
        var item = site.Item(site.Columns.First(c => c.Class == ColumnClass.Static), 0);
        using var client = live.Client();

        // Timed from the request, not from the headers: a loaded machine may read the headers late, after part
        // of the body already sits in the socket buffer; the whole exchange can only get longer under load.
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(site.Url(item.Path), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(watch.Elapsed >= live.Server.Options.Scaled(live.Server.Options.DripDuration) * 0.8, $"body took {watch.Elapsed}");
        Assert.Equal(response.Content.Headers.ContentLength, body.Length);
    }

    [Fact]
    public async Task A_5xx_burst_fails_twice_then_answers()
    {
        var site = With(FaultKind.Burst5xx, s => s.Columns[0].Pages > 1);
        using var client = live.Client();
        var url = site.Url(site.Columns[0].PagePath(1));
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(url);
            statuses.Add((int)response.StatusCode);
        }

        Assert.True(statuses[0] >= 500 && statuses[1] >= 500, string.Join(",", statuses));
        Assert.Equal([200, 200], statuses.Skip(2));
    }

    [Fact]
    public async Task A_transient_reset_drops_the_first_request_only()
    {
        var site = With(FaultKind.TransientReset, s => s.Columns[0].Count > 0);
        var url = site.Url(site.Item(site.Columns[0], 0).Path);
        using var client = live.Client();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(url));
        using var retry = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }

    [Fact]
    public async Task A_503_carries_retry_after_and_the_retry_succeeds()
    {
        var site = With(FaultKind.RetryAfter503);
        var url = site.Url(site.Columns.First(c => c.Class == ColumnClass.Policy).FirstPagePath);
        using var client = live.Client();
        using var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter?.Delta);
        using var second = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task A_rate_limited_site_answers_429_with_retry_after_past_its_rate()
    {
        var site = live.Server.Population.Sites.Select(live.Server.Site).First(s => s.Faults.HasFlag(FaultKind.RateLimit));
        using var client = live.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < live.Server.Options.RateLimitPerSecond + 3; i++)
        {
            using var response = await client.GetAsync($"http://{site.Host}/robots.txt");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        live.Clock.Now = live.Clock.Now.AddSeconds(2);
        using var later = await client.GetAsync($"http://{site.Host}/robots.txt");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, later.StatusCode);
    }

    [Fact]
    public async Task A_redirect_chain_takes_twelve_hops_to_a_real_page()
    {
        var site = With(FaultKind.RedirectChain);
        using var client = live.Client();
        var url = new Uri(site.Url(FaultPaths.ChainStart));
        var hops = 0;
        while (true)
        {
            using var response = await client.GetAsync(url);
            if ((int)response.StatusCode is 301 or 302)
            {
                url = new Uri(url, response.Headers.Location!);
                hops++;
                Assert.True(hops <= FaultPaths.ChainLength);
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            break;
        }

        Assert.Equal(FaultPaths.ChainLength, hops);
        Assert.Equal("/lxwm.html", url.AbsolutePath);
    }

    [Fact]
    public async Task A_redirect_loop_never_ends()
    {
        var site = live.Sites(s => s.Broken.Any(b => b.Kind == BreakKind.RedirectLoop)).First();
        var target = site.Broken.First(b => b.Kind == BreakKind.RedirectLoop);
        using var client = live.Client();
        var url = new Uri(site.Url(target.Target));
        var seen = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            url = new Uri(url, response.Headers.Location!);
            seen.Add(url.AbsolutePath);
        }

        Assert.Equal(2, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_calendar_trap_has_no_last_month()
    {
        var site = With(FaultKind.CalendarTrap);
        using var client = live.Client();
        var url = new Uri(site.Url(FaultPaths.Calendar(site.Today.Year, site.Today.Month)));
        var visited = new HashSet<string>();
        for (var i = 0; i < 30; i++)
        {
            var html = PageText(await client.GetAsync(url));
            Assert.True(visited.Add(url.ToString()));
            var next = TestCrawler.Parse(html).QuerySelectorAll("a").First(a => a.TextContent == "下个月").GetAttribute("href")!;
            url = new Uri(url, next);
        }

        Assert.Contains(visited, u => u.Contains("month=" + (site.Today.Year + 2), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_query_trap_links_endless_urls_to_one_list()
    {
        var site = With(FaultKind.QueryTrap);
        using var client = live.Client();
        var url = new Uri(site.Url(site.Columns[0].FirstPagePath));
        var lists = new HashSet<string>();
        for (var i = 0; i < 8; i++)
        {
            var document = TestCrawler.Parse(PageText(await client.GetAsync(url)));
            lists.Add(string.Join("|", document.QuerySelectorAll(".list a").Select(a => a.GetAttribute("href"))));
            url = new Uri(url, document.QuerySelector(".sort a")!.GetAttribute("href")!);
        }

        Assert.Single(lists);
        Assert.Equal(8, url.Query.Count(c => c == '='));
    }

    [Fact]
    public async Task The_very_large_page_is_as_large_as_configured()
    {
        var site = With(FaultKind.LargePage);
        using var client = live.Client();
        var body = await client.GetByteArrayAsync(site.Url(FaultPaths.LargePage));
        Assert.True(body.Length >= live.Server.Options.LargePageBytes, $"{body.Length} bytes");
        Assert.EndsWith("</html>\n", System.Text.Encoding.UTF8.GetString(body[^20..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gzip_bomb_inflates_a_thousandfold()
    {
        var site = With(FaultKind.GzipBomb);
        using var client = live.Client();
        using var response = await client.GetAsync(site.Url(FaultPaths.GzipBomb), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();
        long inflated = 0;
        using (var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            var buffer = new byte[1 << 20];
            int n;
            while ((n = await gzip.ReadAsync(buffer)) > 0)
            {
                inflated += n;
            }
        }

        Assert.True(inflated >= live.Server.Options.GzipBombBytes);
        Assert.True(inflated / compressed.Length > 500, $"{compressed.Length} bytes inflate to {inflated}");
    }

    [Fact]
    public async Task Malformed_html_still_parses_to_the_article()
    {
        var site = With(FaultKind.MalformedHtml, s => s.Columns[0].Count > 0 && !s.Faults.HasFlag(FaultKind.TransientReset));
        var item = site.Item(site.Columns[0], 0);
        using var client = live.Client();
        var html = PageText(await client.GetAsync(site.Url(item.Path)));
        Assert.Contains("<div class=content>", html, StringComparison.Ordinal);
        Assert.Contains("</div></span>", html, StringComparison.Ordinal);
        var document = TestCrawler.Parse(html);
        Assert.Equal(item.Title, document.QuerySelector("h1.title")!.TextContent);
        Assert.Equal(item.Title, document.QuerySelector("meta[name='ArticleTitle']")?.GetAttribute("content") ?? item.Title);
    }

    [Fact]
    public async Task Robots_disallow_the_print_area_and_visits_there_are_counted()
    {
        var site = With(FaultKind.RobotsDisallowed, s => s.Columns[0].Count > 0 && !s.Faults.HasFlag(FaultKind.TransientReset));
        using var client = live.Client();
        var robots = await client.GetStringAsync(site.Url("/robots.txt"));
        Assert.Contains("Disallow: /print/", robots, StringComparison.Ordinal);
        var item = site.Item(site.Columns[0], 0);
        Assert.Contains($"/print{item.Path}", PageText(await client.GetAsync(site.Url(item.Path))), StringComparison.Ordinal);
        var before = live.Server.DisallowedRequests;
        using var print = await client.GetAsync(site.Url("/print" + item.Path));
        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
        Assert.True(live.Server.DisallowedRequests > before);
    }

    [Theory]
    [InlineData(BreakKind.NotFound404, 404)]
    [InlineData(BreakKind.Gone410, 410)]
    [InlineData(BreakKind.ServerError500, 500)]
    [InlineData(BreakKind.BadGateway502, 502)]
    public async Task Broken_links_answer_their_status(BreakKind kind, int status)
    {
        var site = live.Sites(s => s.Broken.Any(b => b.Kind == kind && !b.External)).First();
        var target = site.Broken.First(b => b.Kind == kind && !b.External);
        using var client = live.Client();
        using var response = await client.GetAsync(site.Url(target.Target));
        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task Reset_links_drop_the_connection_and_timeout_links_hold_it()
    {
        var reset = live.Sites(s => s.Broken.Any(b => b.Kind == BreakKind.ConnectionReset)).First();
        using var client = live.Client(timeout: live.Server.Options.Scaled(live.Server.Options.TimeoutHold) / 2);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(reset.Url(reset.Broken.First(b => b.Kind == BreakKind.ConnectionReset).Target)));

        var slow = live.Sites(s => s.Broken.Any(b => b.Kind == BreakKind.Timeout && !b.External)).First();
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync(slow.Url(slow.Broken.First(b => b.Kind == BreakKind.Timeout).Target)));
        Assert.True(watch.Elapsed >= client.Timeout * 0.9);
    }

    private static string PageText(HttpResponseMessage response)
    {
        var bytes = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var sandbox = new Server.SandboxResponse { ContentType = response.Content.Headers.ContentType?.ToString(), Body = bytes };
        return InProcessClient.Decode(sandbox)!;
    }
}
