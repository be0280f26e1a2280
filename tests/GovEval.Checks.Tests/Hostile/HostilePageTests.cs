using GovEval.Checks.Columns;
using GovEval.Checks.Tests.Support;
using GovEval.Core.Observations;

namespace GovEval.Checks.Tests.Hostile;

/// <summary>
/// Pages that made the checks take the square of their size (issue 19, row 3): each must now be read in one pass.
/// The timeouts are hang guards far above the seconds a pass takes (bench/hostile measures those), not timings.
/// </summary>
public sealed class HostilePageTests
{
    // The parse limit is tested on its own below; here a loaded machine must not trip it.
    private static readonly CheckOptions Patient = ShippedRules.Options with { PageParseTimeout = TimeSpan.FromMinutes(4) };

    // System.Uri parses a host with a small-form character but cannot spell it for DNS (IdnHost throws): a page
    // linking there, broken, must be judged like any other, never crash the checks.
    [Fact]
    public void A_link_to_a_host_idna_cannot_spell_is_judged_without_crashing()
    {
        const string bad = "https://qh.sz.\uFE67\u00FFov.cn/a.html";
        Assert.Throws<UriFormatException>(() => new Uri(bad).IdnHost);
        var html = CrawledPage.Page(b => b.Append("<a href=\"").Append(bad).Append("\">办事大厅</a>"));
        var site = CrawledPage.Site(html);
        var broken = new FetchOutcome(bad, FetchStatus.Dns, null, null, [], null, null, TimeSpan.Zero, "no such host", null);
        site = site with { Links = [new LinkObservation(CrawledPage.Home, bad, LinkSource.Anchor, "办事大厅", false, broken)] };

        var result = SiteChecks.Run(site, Patient);

        Assert.Contains(result.Findings, f => f.Rule == "links.broken-homepage" && f.Url == bad);
    }

    // 100,000 links in one block: every link asked the block for its links, and walked its ancestors.
    [Fact(Timeout = 300_000)]
    public async Task A_homepage_of_100000_links_in_one_block_is_checked()
    {
        var html = CrawledPage.Page(b =>
        {
            b.Append("<div class=\"list\">");
            for (var i = 0; i < 100_000; i++)
            {
                b.Append("<a href=\"/art/").Append(i).Append(".html\">关于做好第").Append(i).Append("项政务公开工作的通知</a> 2024-05-").Append((i % 28 + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            }

            b.Append("</div>");
        });
        var site = CrawledPage.Site(html, maxLinks: 200_000);

        var result = await Task.Run(() => SiteChecks.Run(site, Patient));

        Assert.Equal(100_000, site.Links.Count);
        Assert.Equal(100_000m, result.Measurements["links.total"]);
        // Every link is its own line (the block holds more than one), so no item is dated: nothing fresh counted.
        Assert.Equal(0m, result.Measurements["homepage.itemsLast2Weeks"]);
    }

    // One list item holding 20,000 links: its text was read once per link.
    [Fact(Timeout = 300_000)]
    public async Task A_row_of_many_links_is_a_block_and_each_link_a_line()
    {
        var html = CrawledPage.Page(b =>
        {
            b.Append("<ul><li>2024-05-30 ");
            for (var i = 0; i < 20_000; i++)
            {
                b.Append("<a href=\"/a/").Append(i).Append(".html\">政务公开第").Append(i).Append("条</a>\n");
            }

            b.Append("</li><li><a href=\"/news/1.html\">市政府召开常务会议</a><span>2024-05-31</span></li></ul>");
        });
        var site = CrawledPage.Site(html);
        using var context = new CheckContext(Patient);

        var entries = await Task.Run(() => ListItems.Read(context.Document(site.Pages[0])!, CrawledPage.Home, new DateOnly(2024, 6, 1)));

        Assert.Equal(20_001, entries.Count);
        Assert.All(entries.Take(20_000), e => Assert.Null(e.Date));
        Assert.Equal(new DateOnly(2024, 5, 31), entries[^1].Date);
    }

    // 1,000,000 <p>: the text walk found each node's previous sibling by searching its parent's children.
    [Fact(Timeout = 300_000)]
    public async Task A_page_of_a_million_paragraphs_is_checked()
    {
        var html = CrawledPage.Page(b =>
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                b.Append("<p>");
            }

            b.Append("<p>办理地点：市民中心");
        });
        var site = CrawledPage.Site(html);

        var result = await Task.Run(() => SiteChecks.Run(site, Patient));

        Assert.Equal(1m, result.Measurements["content.pages"]);
        Assert.DoesNotContain(result.NotMeasured, n => n.Rule == "content.typo");
    }

    // Deep nesting: each link walked its ancestors (chrome, forms, rows), each element's text was its whole subtree's,
    // each footer was compared with every other.
    [Fact(Timeout = 300_000)]
    public async Task Deeply_nested_links_and_footers_are_checked()
    {
        var html = CrawledPage.Page(b =>
        {
            for (var i = 0; i < 6_000; i++)
            {
                b.Append("<span><a href=\"/a/").Append(i).Append(".html\">第").Append(i).Append("条</a>");
            }

            for (var i = 0; i < 6_000; i++)
            {
                b.Append("</span>");
            }

            for (var i = 0; i < 6_000; i++)
            {
                b.Append("<div class=\"footer\">");
            }

            b.Append("主办单位：某某市人民政府 网站标识码3501000001 闽ICP备12345678号 闽公网安备 35010202000001号");
        });
        var site = CrawledPage.Site(html);

        var result = await Task.Run(() => SiteChecks.Run(site, Patient));

        Assert.DoesNotContain(result.Findings, f => f.Rule == "identity.footer");
        Assert.Equal(6_000m, result.Measurements["links.total"]);
    }

    [Fact]
    public void A_page_past_the_parse_limit_is_not_read_and_its_rules_are_not_measured_never_deducted()
    {
        // Deep enough that the parse is still running when the (skipping) clock fires the limit at once.
        var html = CrawledPage.Page(b => b.Append(string.Concat(Enumerable.Repeat("<div>", 20_000))));
        var site = CrawledPage.Site(html);
        var options = ShippedRules.Options with { PageParseTimeout = TimeSpan.FromSeconds(5), Clock = new SkippingClock(CrawledPage.Now) };

        var result = SiteChecks.Run(site, options);

        foreach (var rule in new[] { "identity.site-id-code", "identity.footer", "veto.homepage-stale", "veto.services", "veto.interaction", "content.typo" })
        {
            Assert.Contains("解析超过每页时限 5 秒", Assert.Single(result.NotMeasured, n => n.Rule == rule).Reason, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(result.Findings, f => f.Severity == Severity.Veto);
        Assert.DoesNotContain(result.Findings, f => f.Rule is "identity.site-id-code" or "identity.footer" or "freshness.homepage");
    }

    [Fact]
    public void The_checks_stop_when_the_command_is_cancelled()
    {
        var site = CrawledPage.Site(CrawledPage.Page(b => b.Append("<a href=\"/a.html\">政务公开</a>")));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var context = new CheckContext(ShippedRules.Options, cancelled.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => SiteChecks.Run(site, context));
    }

    [Fact]
    public void Families_the_site_budget_did_not_leave_time_for_report_their_rules_not_measured()
    {
        var site = CrawledPage.Site(CrawledPage.Page(b => b.Append("<a href=\"/a.html\">政务公开</a>")));
        using var budget = new SiteBudget(TimeSpan.FromMinutes(10), new SkippingClock(CrawledPage.Now));
        SpinWait.SpinUntil(() => budget.Exhausted, TimeSpan.FromSeconds(30));
        using var context = new CheckContext(ShippedRules.Options, CancellationToken.None, budget);

        var result = SiteChecks.Run(site, context);

        Assert.Empty(result.Findings);
        foreach (var rule in SiteChecks.Families.SelectMany(f => f.Rules))
        {
            Assert.Contains(result.NotMeasured, n => n.Rule == rule && n.Reason.Contains("单站时间预算（10 分钟）已用尽", StringComparison.Ordinal));
        }
    }
}
