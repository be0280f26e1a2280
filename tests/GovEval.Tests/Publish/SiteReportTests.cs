using System.Text;
using System.Text.Json;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Scoring;
using GovEval.Publish.SiteReports;

namespace GovEval.Tests.Publish;

/// <summary>`check`'s report.json (the DESIGN.md contract) and report.html (safe evidence, Chinese).</summary>
public sealed class SiteReportTests
{
    private const string Home = "http://www.example.gov.cn/";
    private static readonly DateTimeOffset Now = new(2020, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Evidence Proof = new("goveval-20201130-00001.warc.gz", "urn:uuid:0f1e2d3c-0000-4000-8000-000000000001", new string('a', 64), Now);

    private static SiteReport Report(params Finding[] findings)
    {
        var framework = FrameworkCatalog.Get("gov-website-check-2019");
        var facts = new Dictionary<string, IReadOnlyList<string>> { ["portal"] = ["true"], ["externalServices"] = ["true"] };
        var measurements = new Dictionary<string, decimal> { ["availability.share"] = 0m, ["homepage.itemsLast2Weeks"] = 12m };
        var sheet = ScoringEngine.Score(framework, new ScoringInput("site", facts, findings, measurements, [new NotMeasured("search.not-found", "搜索结果页请求超时（检测工具）")], [], Collected: true));
        return new SiteReport(
            "0.1.0", Home, Now, Now, Now.AddMinutes(3), framework.Name, sheet, sheet.Grade ?? "", findings,
            new SiteMeasurements(120, 2400, new AvailabilityFacts(5, 0, 0m, FromMonitor: false), new HomepageFacts(new DateOnly(2020, 11, 29), 12, 10),
                [new ColumnFacts("http://www.example.gov.cn/xwdt/index.html", "工作动态", "news", 40, new DateOnly(2020, 11, 29))], measurements),
            [new NotMeasured("search.not-found", "搜索结果页请求超时（检测工具）")],
            [new CapturedPage("http://www.example.gov.cn/a.html", Proof, "text/html; charset=utf-8", "<html><script>alert('x')</script><p>正文</p></html>", false)]);
    }

    [Fact]
    public void Report_json_follows_the_contract()
    {
        var report = Report(new Finding("links.broken", Severity.Deduction, "http://www.example.gov.cn/gone.html", "http://www.example.gov.cn/a.html", "链接无法访问（HTTP 404）", Proof));
        using var stream = new MemoryStream();
        SiteReportJson.Write(report, stream);
        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal("GovEval", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal(Home, root.GetProperty("site").GetString());
        Assert.Equal("gov-website-check-2019", root.GetProperty("framework").GetProperty("id").GetString());
        var score = root.GetProperty("score");
        Assert.Equal(99.9m, score.GetProperty("total").GetDecimal());
        Assert.False(score.GetProperty("vetoed").GetBoolean());
        Assert.Equal("合格", score.GetProperty("verdict").GetString());
        Assert.Equal(99.9m, score.GetProperty("parts").GetProperty("part2").GetProperty("earned").GetDecimal());
        var finding = root.GetProperty("findings")[0];
        Assert.Equal("links.broken", finding.GetProperty("rule").GetString());
        Assert.Equal("deduction", finding.GetProperty("severity").GetString());
        Assert.Equal(Proof.Record, finding.GetProperty("evidence").GetProperty("record").GetString());
        Assert.Equal(Proof.Sha256, finding.GetProperty("evidence").GetProperty("sha256").GetString());
        var measurements = root.GetProperty("measurements");
        Assert.Equal(120, measurements.GetProperty("pages").GetInt32());
        Assert.Equal(5, measurements.GetProperty("availability").GetProperty("visits").GetInt32());
        Assert.Equal("2020-11-29", measurements.GetProperty("homepage").GetProperty("latest").GetString());
        Assert.Equal(10, measurements.GetProperty("homepage").GetProperty("windowDays").GetInt32());
        Assert.Equal("news", measurements.GetProperty("columns")[0].GetProperty("class").GetString());
        Assert.Equal("search.not-found", root.GetProperty("notMeasured")[0].GetProperty("rule").GetString());
        Assert.Contains("链接无法访问", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_html_links_each_finding_to_its_archived_page_and_runs_nothing_from_it()
    {
        var hostile = new Finding("content.typo", Severity.Warning, "http://www.example.gov.cn/a.html", "http://www.example.gov.cn/a.html", "疑似错别字：<img src=x onerror=alert(1)>", Proof);
        var html = SiteReportHtml.Render(Report(hostile));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#capture-1\">查看存档</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"capture-1\"", html, StringComparison.Ordinal);
        Assert.Contains("结论：<strong class=\"up\">合格</strong>", html, StringComparison.Ordinal);
        Assert.Contains("未能测量", html, StringComparison.Ordinal);
        // The framework's window (a province's 10 days here), not the national two weeks written into the label.
        Assert.Contains("<th>首页近10天新增信息</th>", html, StringComparison.Ordinal);
        Assert.Contains("工作动态", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vetoed_site_reads_as_failed_with_the_veto_named()
    {
        var html = SiteReportHtml.Render(Report(new Finding("veto.unreachable", Severity.Veto, Home, null, "首页监测失败占比6%", null)));
        Assert.Contains("结论：<strong class=\"down\">不合格</strong>", html, StringComparison.Ordinal);
        Assert.Contains("触发单项否决：站点无法访问", html, StringComparison.Ordinal);
    }
}
