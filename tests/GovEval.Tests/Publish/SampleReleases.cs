using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Scoring;
using GovEval.Tests.Results;

namespace GovEval.Tests.Publish;

/// <summary>Releases for renderer tests, built the way the command line builds them (nothing hand-assembled).</summary>
internal static class SampleReleases
{
    private static readonly string[] WebsiteCohorts =
        ["ministry-constituent", "ministry-other", "municipality", "province", "sub-provincial-city", "provincial-capital", "prefecture-city", "county"];

    private static readonly Lazy<Release> WebsiteRelease = new(() =>
    {
        var registry = UnitRegistry.ForYear(2020);
        return new ReleaseBuilder(TestFrameworks.WebsitePerformance2020(), registry, WebsiteCohorts.Select(registry.Cohort))
            .FromTotals(Fixtures.Seed("website-2020-totals.csv"), null, new ReleaseOptions(2020, "website-2020-totals.csv"));
    });

    private static readonly Lazy<Release> CapabilityRelease = new(() =>
    {
        var registry = UnitRegistry.ForYear(2020);
        return new ReleaseBuilder(TestFrameworks.Capability2020(), registry, [registry.Cohort("provincial"), registry.Cohort("key-city")])
            .FromTotals(Fixtures.Seed("capability-2020-totals.csv"), Fixtures.Seed("capability-2019-grades.csv"), new ReleaseOptions(2020, "capability-2020-totals.csv"));
    });

    /// <summary>The seed's eight website cohorts from the totals fixture (no sheets).</summary>
    public static Release Website => WebsiteRelease.Value;

    /// <summary>The seed's capability cohorts with 2019 grades (movements, no sheets).</summary>
    public static Release Capability => CapabilityRelease.Value;

    public static readonly DateTimeOffset Captured = new(2020, 11, 30, 9, 15, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// The four municipalities scored by the 2019 check from sheets (one vetoed), with last year's sheets for rank
    /// changes: every kind of evidence a score sheet page must show.
    /// </summary>
    public static Release WithSheets(UnitRegistry? registry = null, string cohortId = "municipality")
    {
        registry ??= UnitRegistry.ForYear(2020);
        var cohort = registry.Cohort(cohortId);
        var members = registry.Members(cohort);
        var totals = new[] { 92.5m, 88m, 71m, 95m };
        var now = members.Select((u, i) => CheckSheet(u.Code, totals[i % totals.Length], vetoed: i == 3)).ToList();
        var before = members.Select((u, i) => CheckSheet(u.Code, 80m + i, vetoed: false)).ToList();
        return new ReleaseBuilder(TestFrameworks.WebsiteCheck2019(), registry, [cohort])
            .FromSheets(now, before, new ReleaseOptions(2020, "run-42"));
    }

    public static ScoreSheet CheckSheet(string code, decimal total, bool vetoed)
    {
        var finding = new EvidenceRef(
            "finding",
            Rule: "links.broken",
            Url: $"https://www.example.gov.cn/{code}/missing.html",
            Page: $"https://www.example.gov.cn/{code}/index.html",
            Warc: "crawl-20201130.warc.gz",
            Record: "<urn:uuid:3f1c9a52-0000-4000-8000-000000000001>",
            Sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            CapturedAt: Captured);
        var input = new EvidenceRef("input", Source: "inputs.csv:7", Assessor: "李四", Value: "3");
        var lost = 100m - total;
        var linksLost = Math.Min(20m, lost);
        var links = new ScoreNode("links", "链接可用性", NodeStatus.Scored, 20m, 20m - linksLost,
            [new ScoreLine("首页链接不可用 1 个，扣 1 分", -1m, [finding]), new ScoreLine("专家复核：栏目更新不及时", -(linksLost - 1m), [input])], []);
        var veto = new ScoreNode("veto.security", "严重安全问题", vetoed ? NodeStatus.VetoHit : NodeStatus.VetoClear, 0m, 0m,
            vetoed ? [new ScoreLine("网站被篡改", 0m, [finding])] : [], [], vetoed ? "经人工确认" : null);
        var rest = new ScoreNode("rest", "其他指标", NodeStatus.Scored, 80m, 80m - (lost - linksLost), [], []);
        return new ScoreSheet(code, "gov-website-check-2019", "2019.1", "engine-1", total, 100m, vetoed, vetoed ? ["veto.security"] : [],
            vetoed ? "不合格" : total >= 80m ? "合格" : "不合格",
            new ScoreNode("root", "政府网站检查", NodeStatus.Scored, 100m, total, [], [veto, links, rest]),
            vetoed ? ["一票否决：网站被篡改"] : []);
    }

    /// <summary>
    /// A registry whose unit names and a cohort note try to inject markup and spreadsheet formulas, the way an
    /// imported registry file could.
    /// </summary>
    public static UnitRegistry HostileRegistry()
    {
        var selector = new CohortSelector([], ["hostile"], [], [], [], [], []);
        var cohort = new Cohort("hostile", "<b>组别</b>", "<i>组别</i>", CohortResult.Ranked, 10, 1, TieOrder.Official, "注：<script>alert('note')</script>", selector);
        Unit Make(string code, string name, string shortName, int order) => new(code, name, shortName, UnitLevel.Central, "hostile", null, order, []);
        return new UnitRegistry(2020, 2020,
            [
                Make("H1", "<script>alert('name')</script>", "<img src=x onerror=alert(1)>", 1),
                Make("H2", "=HYPERLINK(\"http://evil.example/\",\"点击\")", "\"引号\",逗号", 2),
                Make("H3", "正常单位", "正常", 3),
            ],
            [cohort]);
    }

    public static Framework CheckFramework() => TestFrameworks.WebsiteCheck2019();
}
