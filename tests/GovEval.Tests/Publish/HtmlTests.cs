using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GovEval.Core.Results;
using GovEval.Core.Tables;
using GovEval.Publish.Html;

namespace GovEval.Tests.Publish;

public sealed class HtmlTests
{
    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static IElement Cohort(IDocument page, string id) => page.GetElementById($"cohort-{id}") ?? throw new Xunit.Sdk.XunitException($"no section for {id}");

    [Fact]
    public void Ranked_cohorts_print_the_seeds_lists()
    {
        var page = Parse(ReleasePage.Render(SampleReleases.Website));

        var ministries = Cohort(page, "ministry-constituent");
        Assert.Equal("国务院组成部门网站前10名", ministries.QuerySelector("h3")!.TextContent);
        Assert.Equal(
            ["第一名：商务部", "第二名：交通运输部", "第三名：工业和信息化部", "第四名：科技部 水利部", "第五名：卫生健康委", "第六名：农业农村部", "第七名：发展改革委", "第八名：自然资源部", "第九名：文化和旅游部", "第十名：教育部 生态环境部"],
            ministries.QuerySelectorAll("ol.ranks li").Select(li => li.TextContent));
        Assert.Equal("注：排名相同按照国务院机构序列排序", ministries.QuerySelector("p.note")!.TextContent);

        var municipalities = Cohort(page, "municipality");
        Assert.Equal("直辖市政府网站评估结果", municipalities.QuerySelector("h3")!.TextContent);
        Assert.Equal(["第一名：北京市", "第二名：上海市", "第三名：重庆市", "第四名：天津市"], municipalities.QuerySelectorAll("ol.ranks li").Select(li => li.TextContent));
        Assert.Equal("第十名：武汉江岸区 西安未央区", Cohort(page, "county").QuerySelectorAll("ol.ranks li").Last().TextContent);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void The_full_tables_list_every_unit()
    {
        var page = Parse(ReleasePage.Render(SampleReleases.Website));

        var county = page.GetElementById("table-county")!.NextElementSibling!;
        Assert.Equal(2844, county.QuerySelectorAll("tbody tr").Length);
        var first = county.QuerySelector("tbody tr")!.QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["1", "深圳罗湖区", "440303", "95.0"], first.Take(4));
    }

    [Fact]
    public void Graded_cohorts_print_grade_lists_and_movements()
    {
        var page = Parse(ReleasePage.Render(SampleReleases.Capability));

        var provincial = Cohort(page, "provincial");
        Assert.Equal("省级数字政府服务能力优秀级", provincial.QuerySelector("h3")!.TextContent);
        Assert.Equal(["北京市", "上海市", "浙江省", "福建省", "湖北省", "广东省", "四川省", "贵州省"], provincial.QuerySelector("ul.grade")!.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal("注：按照行政区划排序，排名不分先后", provincial.QuerySelector("p.note")!.TextContent);
        Assert.Equal(["省级数字政府服务能力优秀级", "省级数字政府服务能力良好级", "省级数字政府服务能力发展级", "省级数字政府服务能力起步级"], provincial.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Equal("重点城市数字政府服务能力优秀级", Cohort(page, "key-city").QuerySelector("h3")!.TextContent);

        var movements = page.GetElementById("movements")!;
        Assert.Equal(
            ["优秀级：由15个上升至18个，其中3个良好级升至优秀级", "良好级：18个，其中2个发展级升至良好级", "发展级：18个，其中2个起步级升至发展级", "起步级：减少至10个"],
            movements.QuerySelector("ul.sentences")!.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Contains("2019年", movements.QuerySelector("h2")!.TextContent);
    }

    [Fact]
    public void Findings_are_printed()
    {
        var framework = Results.TestFrameworks.Capability2020(Results.TestFrameworks.Leaf("data-office", "政务数据统筹管理机构", 5m, statistic: "明确了政务数据统筹管理机构"));
        var registry = Core.Registry.UnitRegistry.ForYear(2020);
        var sheets = registry.Members(registry.Cohort("provincial")).Select((u, i) => Results.TestSheets.Capability(u.Code, 80m, "良好", dataOffice: i < 23)).ToList();
        var release = new ReleaseBuilder(framework, registry, [registry.Cohort("provincial")]).FromSheets(sheets, null, new ReleaseOptions(2020, "run"));

        var page = Parse(ReleasePage.Render(release));

        Assert.Equal("23个省级（占比71.9%）明确了政务数据统筹管理机构", page.QuerySelector("#findings li")!.TextContent);
    }

    [Fact]
    public void Hostile_names_print_as_text()
    {
        var registry = SampleReleases.HostileRegistry();
        var release = new ReleaseBuilder(SampleReleases.CheckFramework(), registry, [registry.Cohort("hostile")])
            .FromSheets([SampleReleases.CheckSheet("H1", 90m, false) with { Notes = ["<script>alert('note')</script>"] }, SampleReleases.CheckSheet("H2", 85m, false)], null, new ReleaseOptions(2020, "<run>"));

        var html = ReleasePage.Render(release);
        var unitPage = ScoreSheetPage.Render(new GovEval.Publish.ReleaseLookup(release), release.Sheets["H1"]);

        foreach (var text in new[] { html, unitPage })
        {
            var page = Parse(text);
            Assert.Empty(page.QuerySelectorAll("script"));
            Assert.Empty(page.QuerySelectorAll("img"));
            Assert.Empty(page.QuerySelectorAll("b, i"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        }

        var index = Parse(html);
        Assert.Equal("第一名：<img src=x onerror=alert(1)>", index.QuerySelector("ol.ranks li")!.TextContent);
        Assert.Equal("<i>组别</i>网站评估结果", index.QuerySelector("#cohort-hostile h3")!.TextContent);
        Assert.Contains("<script>alert('name')</script>评分表", Parse(unitPage).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Pages_load_nothing_from_outside()
    {
        var release = SampleReleases.WithSheets();
        var lookup = new GovEval.Publish.ReleaseLookup(release);
        var pages = new[] { ReleasePage.Render(release) }.Concat(release.Sheets.Values.Select(s => ScoreSheetPage.Render(lookup, s)));

        foreach (var html in pages)
        {
            var page = Parse(html);
            Assert.Empty(page.QuerySelectorAll("script, link, iframe, img, object, embed, video, audio, source"));
            foreach (var element in page.All)
            {
                foreach (var attribute in element.Attributes.Where(a => a.Name is "src" or "href" or "action" or "srcset" or "poster"))
                {
                    Assert.DoesNotMatch("^([a-z][a-z0-9+.-]*:|//)", attribute.Value);
                }
            }

            Assert.DoesNotContain("url(", page.QuerySelector("style")!.TextContent);
            Assert.DoesNotContain("@import", page.QuerySelector("style")!.TextContent);
        }
    }

    [Fact]
    public void Unit_pages_show_every_indicator_and_every_lines_evidence()
    {
        var release = SampleReleases.WithSheets();
        var index = Parse(ReleasePage.Render(release));
        var chongqing = Parse(ScoreSheetPage.Render(new GovEval.Publish.ReleaseLookup(release), release.Sheets["500000"]));

        Assert.Contains(index.QuerySelectorAll("ol.ranks a"), a => a.GetAttribute("href") == "units/110000.html" && a.TextContent == "北京市");
        var rows = chongqing.QuerySelectorAll("section:last-of-type tbody tr").Select(tr => tr.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("严重安全问题") && r.Contains("否决项命中"));
        Assert.Contains(rows, r => r.Contains("链接可用性") && r.Contains("已评分"));
        var broken = rows.Single(r => r.Contains("首页链接不可用 1 个，扣 1 分"));
        foreach (var expected in new[] { "links.broken", "https://www.example.gov.cn/500000/missing.html", "https://www.example.gov.cn/500000/index.html", "crawl-20201130.warc.gz", "<urn:uuid:3f1c9a52-0000-4000-8000-000000000001>", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "2020-11-30T09:15:00+08:00", "-1" })
        {
            Assert.Contains(expected, broken);
        }

        var input = rows.Single(r => r.Contains("专家复核"));
        Assert.Contains("inputs.csv:7", input);
        Assert.Contains("李四", input);
        var summary = chongqing.QuerySelector("section")!.TextContent;
        Assert.Contains("是（veto.security）", summary);
        Assert.Contains("一票否决，不参与排名", summary);
        Assert.Contains("一票否决：网站被篡改", summary);
    }

    [Theory]
    [InlineData(1, "第一名")]
    [InlineData(10, "第十名")]
    [InlineData(11, "第十一名")]
    [InlineData(20, "第二十名")]
    [InlineData(35, "第三十五名")]
    [InlineData(100, "第一百名")]
    [InlineData(105, "第一百零五名")]
    [InlineData(110, "第一百一十名")]
    [InlineData(1001, "第一千零一名")]
    [InlineData(2020, "第二千零二十名")]
    public void Ranks_read_in_chinese_numerals(int rank, string expected) => Assert.Equal(expected, ChineseNumerals.Ordinal(rank));

    [Fact]
    public void Unit_page_file_names_are_safe()
    {
        Assert.Equal("110000.html", UnitPages.FileName("110000"));
        Assert.Equal("SC001.html", UnitPages.FileName("SC001"));
        Assert.Equal("u-2e2e2f6574632f706173737764.html", UnitPages.FileName("../etc/passwd"));
    }
}
