using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;
using GovEval.Sandbox.Tests.Support;
using GovEval.Sandbox.Truth;

namespace GovEval.Sandbox.Tests;

/// <summary>The truth must be what a careful reader of the served pages finds: no more, no less.</summary>
public sealed class ObservabilityTests
{
    private static readonly string[] PageRules =
    [
        RuleIds.LinksBrokenHomepage, RuleIds.LinksBroken, RuleIds.DownloadsBroken, RuleIds.ServicesSystemDown, RuleIds.ContentTypo,
        RuleIds.ContentSensitive, RuleIds.PrivacyPii, RuleIds.MetaPageTags, RuleIds.SecurityMixedContent, RuleIds.ServicesGuideElements,
    ];

    [Fact]
    public void Crawling_a_site_finds_exactly_the_page_level_defects_of_the_truth()
    {
        var server = Sandboxes.Create(31, 40);
        var truth = server.Truth();
        var checkedSites = 0;
        foreach (var site in truth.Sites.Where((_, i) => i % 3 == 0))
        {
            var pages = TestCrawler.Crawl(server, site.Host);
            var observed = Observer.Observe(server, site.Host, pages);
            var expected = site.Defects.Where(d => PageRules.Contains(d.Rule)).Select(d => (d.Rule, d.Url)).ToHashSet();
            Assert.True(expected.SetEquals(observed),
                $"{site.Host}: missing from pages [{string.Join(", ", expected.Except(observed))}], not in truth [{string.Join(", ", observed.Except(expected))}]");
            checkedSites++;
        }

        Assert.True(checkedSites >= 13);
    }

    [Fact]
    public void Clean_sites_are_clean_under_every_site_level_rule()
    {
        var server = Sandboxes.Hundred;
        var truth = server.Truth();
        var clean = truth.Sites.Where(s => s.Defects.Count == 0).ToList();
        Assert.NotEmpty(clean);
        foreach (var site in clean)
        {
            var model = server.Site(site.Host)!;
            Assert.Equal(0, model.FailurePercent);
            var http = server.Answer(site.Host, new SandboxRequest("GET", "/", "", IsHttps: false));
            Assert.Equal(301, http.Status);
            Assert.Equal($"https://{site.Host}/", http.Headers.Single(h => h.Key == "Location").Value);
            var home = InProcessClient.Get(server, $"http://{site.Host}/");
            Assert.Equal(200, home.Status);
            Assert.Equal(4, home.Response.Headers.Count(h => h.Key is "Strict-Transport-Security" or "Content-Security-Policy" or "X-Content-Type-Options" or "X-Frame-Options"));
            var document = TestCrawler.Parse(home.Text!);
            Assert.Matches("^([0-9]{10}|bm[0-9]{8})$", document.QuerySelector("meta[name='SiteIDCode']")!.GetAttribute("content")!);
            var footer = document.QuerySelector(".footer")!.TextContent;
            Assert.All(new[] { "主办单位", "网站标识码", "ICP备", "公网安备" }, label => Assert.Contains(label, footer, StringComparison.Ordinal));
            Assert.True(HomepageDatedItemsInTwoWeeks(document, server.Today) >= 8);
            Assert.Equal(404, InProcessClient.Get(server, $"https://{site.Host}/no/such/page-{site.Host.Length}.html").Status);
            var newest = model.Item(model.Columns[0], 0);
            Assert.Contains(newest.Path, InProcessClient.Get(server, $"https://{site.Host}/search?q={Uri.EscapeDataString(newest.Title)}").Text!, StringComparison.Ordinal);
            Assert.Contains(model.Columns, c => c.Consultation);
            Assert.True(TruthBuilder.NationalPattern(site.Host));
        }
    }

    [Fact]
    public void Site_level_defects_of_the_truth_show_in_http_and_html()
    {
        var server = Sandboxes.Hundred;
        foreach (var site in server.Truth().Sites)
        {
            var rules = site.Defects.Select(d => d.Rule).ToHashSet();
            var home = InProcessClient.Get(server, $"http://{site.Host}/");
            var document = TestCrawler.Parse(home.Text!);
            var http = server.Answer(site.Host, new SandboxRequest("GET", "/", "", IsHttps: false));
            Assert.Equal(rules.Contains(RuleIds.SecurityHttps), http.Status != 301);

            var headers = home.Response.Headers.Count(h => h.Key is "Strict-Transport-Security" or "Content-Security-Policy" or "X-Content-Type-Options" or "X-Frame-Options");
            Assert.Equal(rules.Contains(RuleIds.SecurityHeaders), headers < 4);

            // Frame protection counts through either header (Mozilla Observatory): when X-Frame-Options is
            // missing the CSP must not carry frame-ancestors, or a scanner would rightly see no defect.
            var framed = home.Response.Headers.Any(h => h.Key == "X-Frame-Options")
                || home.Response.Headers.Any(h => h.Key == "Content-Security-Policy" && h.Value.Contains("frame-ancestors", StringComparison.Ordinal));
            Assert.Equal(home.Response.Headers.Any(h => h.Key == "X-Frame-Options"), framed);

            var siteId = document.QuerySelector("meta[name='SiteIDCode']")?.GetAttribute("content");
            Assert.Equal(rules.Contains(RuleIds.IdentitySiteIdCode), siteId is null || !System.Text.RegularExpressions.Regex.IsMatch(siteId, "^([0-9]{10}|bm[0-9]{8})$"));

            var footer = document.QuerySelector(".footer")!.TextContent;
            Assert.Equal(rules.Contains(RuleIds.IdentityFooter), new[] { "主办单位", "网站标识码", "ICP备", "公网安备" }.Any(l => !footer.Contains(l, StringComparison.Ordinal)));

            var searchForm = document.QuerySelector("form[action='/search']") is not null;
            Assert.Equal(rules.Contains(RuleIds.SearchMissing), !searchForm);
            if (searchForm)
            {
                // The newest dated homepage item: a stale index misses it, a working one finds it.
                var newest = document.QuerySelectorAll(".block:not(.focus)")
                    .SelectMany(b => b.QuerySelectorAll("tr, li, .row, dl"))
                    .Select(row => (Dates: Observer.Dates(row.TextContent, server.Today), Link: row.QuerySelector("a[title]")))
                    .Where(r => r.Dates.Count > 0 && r.Link is not null)
                    .MaxBy(r => r.Dates[0]).Link!;
                var newestTitle = newest.GetAttribute("title")!;
                var newestHref = newest.GetAttribute("href")!;
                var results = InProcessClient.Get(server, $"http://{site.Host}/search?q={Uri.EscapeDataString(newestTitle)}").Text!;
                Assert.Equal(rules.Contains(RuleIds.SearchNotFound), !results.Contains(newestHref, StringComparison.Ordinal));
            }

            var soft = server.Answer(site.Host, new SandboxRequest("GET", "/zzz/missing.html", "", IsHttps: new Uri(home.Url).Scheme == "https"));
            Assert.Equal(rules.Contains(RuleIds.HttpSoft404), soft.Status != 404);

            var fresh = HomepageDatedItemsInTwoWeeks(document, server.Today);
            Assert.Equal(rules.Contains(RuleIds.FreshnessHomepage), fresh < TruthBuilder.HomepageItemsThreshold);
            Assert.Equal(rules.Contains(RuleIds.VetoHomepageStale), fresh == 0);
            Assert.True(fresh <= 2 || fresh >= 8, $"{site.Host}: {fresh} new homepage items sits inside the margin");
        }
    }

    [Fact]
    public void Column_defects_show_in_the_dates_of_the_first_list_page()
    {
        var server = Sandboxes.Hundred;
        foreach (var site in server.Truth().Sites.Take(50))
        {
            var model = server.Site(site.Host)!;
            foreach (var column in model.Columns.Where(c => c.Class.FreshSince(model.Today) is not null))
            {
                var url = model.Url(column.FirstPagePath);
                var page = InProcessClient.Get(server, url);
                var document = TestCrawler.Parse(page.Text!);
                var listed = (document.QuerySelector(".main")!.TextContent ?? "") + string.Join("", document.QuerySelectorAll("script").Select(s => s.TextContent));
                var dates = Observer.Dates(listed, model.Today);
                var blank = site.Defects.Any(d => d.Rule == RuleIds.ColumnsBlank && d.Url == url);
                var stale = site.Defects.Any(d => d.Rule == RuleIds.FreshnessColumn && d.Url == url);
                Assert.Equal(blank, dates.Count == 0 && page.Text!.Contains("暂无信息", StringComparison.Ordinal));
                if (!blank)
                {
                    Assert.Equal(stale, dates.Max() < column.Class.FreshSince(model.Today)!.Value);
                }
            }
        }
    }

    [Fact]
    public void Unanswered_and_slow_messages_show_in_consultation_lists()
    {
        var server = Sandboxes.Hundred;
        var seenUnanswered = 0;
        foreach (var site in server.Truth().Sites)
        {
            var model = server.Site(site.Host)!;
            foreach (var column in model.Columns.Where(c => c.Consultation))
            {
                var rows = Enumerable.Range(0, column.Pages)
                    .SelectMany(p => TestCrawler.Parse(InProcessClient.Get(server, model.Url(column.PagePath(p))).Text!).QuerySelectorAll(".messages tr, .messages li, .messages .row, .messages dl"))
                    .Select(e => e.TextContent)
                    .ToList();
                Assert.Equal(column.Count, rows.Count);
                var unanswered = rows.Any(r => r.Contains("待回复", StringComparison.Ordinal)
                    && Observer.Dates(r, model.Today).Single() is var submitted && submitted < model.Today.AddMonths(-3) && submitted >= model.Today.AddYears(-1));
                var slow = rows.Any(r => Observer.Dates(r, model.Today) is [var submitted, var replied] && replied.DayNumber - submitted.DayNumber > TruthBuilder.SlowReplyDays);
                var url = model.Url(column.FirstPagePath);
                Assert.Equal(unanswered, site.Defects.Any(d => d.Rule == RuleIds.InteractionUnanswered && d.Url == url));
                Assert.Equal(slow, site.Defects.Any(d => d.Rule == RuleIds.InteractionSlowReply && d.Url == url));
                seenUnanswered += unanswered ? 1 : 0;
            }
        }

        Assert.True(seenUnanswered >= 20);
    }

    private static int HomepageDatedItemsInTwoWeeks(AngleSharp.Dom.IDocument document, DateOnly today) =>
        document.QuerySelectorAll(".block:not(.focus)")
            .SelectMany(b => b.QuerySelectorAll("tr, li, .row, dl"))
            .Select(row => Observer.Dates(row.TextContent, today))
            .Count(d => d.Count > 0 && d[0] >= today.AddDays(-14));
}
