using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using GovEval.Core.Frameworks;
using GovEval.Core.Results;
using GovEval.Core.Tables;
using GovEval.Publish;

namespace GovEval.Tests.Publish;

public sealed class ReleaseBundleTests
{
    private const string Title = "2020年数字政府服务能力评估结果";

    private static readonly IReadOnlyList<ReleaseFormat> Light = [ReleaseFormat.Html, ReleaseFormat.Json];

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static IDocument WriteAndParse(TempFolder folder, IReadOnlyList<BundlePart> parts, string title = Title)
    {
        ReleaseBundle.Write(title, parts, folder["bundle"], Light);
        return Parse(File.ReadAllText(Path.Combine(folder["bundle"], "index.html")));
    }

    private static IElement Section(IDocument page, string id) => page.GetElementById(id) ?? throw new Xunit.Sdk.XunitException($"no element #{id}");

    private static List<string> Texts(IElement scope, string selector) => scope.QuerySelectorAll(selector).Select(e => e.TextContent).ToList();

    [Fact]
    public void Ranked_parts_print_top_lists_with_ties_on_one_line_and_the_tie_note()
    {
        using var folder = new TempFolder();
        var page = WriteAndParse(folder, SampleBundles.Parts());

        var cities = Section(page, "website-2020-cohort-sub-provincial-city");
        Assert.Equal("副省级城市政府网站前10名", cities.QuerySelector("h3")!.TextContent);
        Assert.Equal(["第一名：青岛市", "第二名：深圳市 成都市", "第三名：厦门市 武汉市"], Texts(cities, "ol.ranks li").Take(3));
        Assert.Equal("注：排名相同按照行政区划序列排序", cities.QuerySelector("p.note")!.TextContent);
        var ministries = Section(page, "website-2020-cohort-ministry-constituent");
        Assert.Equal("第四名：科技部 水利部", Texts(ministries, "ol.ranks li")[3]);
        Assert.Equal("注：排名相同按照国务院机构序列排序", ministries.QuerySelector("p.note")!.TextContent);
        Assert.Equal(["第一名：北京市", "第二名：上海市", "第三名：重庆市", "第四名：天津市"], Texts(Section(page, "website-2020-cohort-municipality"), "ol.ranks li"));
    }

    [Fact]
    public void Graded_parts_print_grade_lists_in_official_order_with_the_movements()
    {
        using var folder = new TempFolder();
        var page = WriteAndParse(folder, SampleBundles.Parts());

        var provincial = Section(page, "capability-2020-cohort-provincial");
        Assert.Equal(["省级数字政府服务能力优秀级", "省级数字政府服务能力良好级", "省级数字政府服务能力发展级", "省级数字政府服务能力起步级"], Texts(provincial, "h3"));
        Assert.Equal(["北京市", "上海市", "浙江省", "福建省", "湖北省", "广东省", "四川省", "贵州省"], Texts(provincial.QuerySelector("ul.grade")!, "li"));
        Assert.Equal("注：按照行政区划排序，排名不分先后", provincial.QuerySelector("p.note")!.TextContent);
        Assert.Equal(["杭州市", "宁波市", "福州市", "厦门市", "青岛市", "长沙市", "广州市", "深圳市", "成都市", "贵阳市"], Texts(Section(page, "capability-2020-cohort-key-city").QuerySelector("ul.grade")!, "li"));

        var movements = Section(page, "capability-2020-movements");
        Assert.Equal("组别之间的变动（2019年—2020年）", movements.QuerySelector("h3")!.TextContent);
        Assert.Equal("优秀级：由15个上升至18个，其中3个良好级升至优秀级", movements.QuerySelector("ul.sentences li")!.TextContent);
        Assert.Null(page.GetElementById("website-2020-movements"));
    }

    [Fact]
    public void Pass_fail_parts_print_counts_and_the_failing_units()
    {
        using var folder = new TempFolder();
        var page = WriteAndParse(folder, SampleBundles.Parts());

        var check = Section(page, "check-2020-cohort-municipality");
        Assert.Equal("直辖市政府网站检查不合格名单", check.QuerySelector("h3")!.TextContent);
        Assert.Equal("直辖市：评估4个，合格2个，不合格2个", check.QuerySelector("p.counts")!.TextContent);
        Assert.Equal(["天津市（单项否决）", "重庆市（单项否决）"], Texts(check, "ul.failed li"));
        Assert.Equal(["check-2020/units/120000.html", "check-2020/units/500000.html"], check.QuerySelectorAll("ul.failed a").Select(a => a.GetAttribute("href")));
        Assert.Empty(check.QuerySelectorAll("ol.ranks"));

        // The same cohort ranked by another part keeps its own anchor.
        Assert.Single(page.QuerySelectorAll("[id='website-2020-cohort-municipality']"));
        Assert.Equal(page.All.Count(e => e.HasAttribute("id")), page.All.Where(e => e.HasAttribute("id")).Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void A_cohort_where_everybody_passes_says_so()
    {
        using var folder = new TempFolder();
        var check = SampleBundles.Check();
        var clean = check with { Cohorts = [.. check.Cohorts.Select(c => c with { Units = [.. c.Units.Where(u => !u.Vetoed)] })] };

        var page = WriteAndParse(folder, [new("check", clean)]);

        var section = Section(page, "check-cohort-municipality");
        Assert.Equal("直辖市：评估2个，合格2个，不合格0个", section.QuerySelector("p.counts")!.TextContent);
        Assert.Empty(section.QuerySelectorAll("ul.failed li"));
        Assert.Contains("无不合格单位。", Texts(section, "p"));
    }

    [Fact]
    public void Statistics_are_printed_per_part()
    {
        using var folder = new TempFolder();
        var page = WriteAndParse(folder, SampleBundles.Parts());

        var expected = SampleBundles.Capability.Statistics.Select(s => s.Sentence).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Texts(Section(page, "capability-2020-findings"), "ul.findings li"));
        Assert.Contains(Texts(Section(page, "check-2020-findings"), "ul.findings li"), s => s.StartsWith("2个直辖市（占比50.0%）", StringComparison.Ordinal));
        Assert.Null(page.GetElementById("website-2020-findings"));
    }

    [Fact]
    public void Innovation_cases_list_the_best_ten_in_official_order_with_the_evidence_as_title()
    {
        var registry = SampleBundles.Registry;
        var provinces = registry.Members(registry.Cohort("provincial"));
        decimal[] points = [2m, 9m, 8m, 7m, 0m, 6m, 5m, 4m, 3m, 2m, 1.5m, 2m, 2m];
        var cases = points.Select((p, i) => (provinces[i].Code, p, $"案例{i}：{provinces[i].Short}数据开放平台")).ToList();
        var release = SampleBundles.Innovation(registry, "provincial", cases);
        using var folder = new TempFolder();

        var page = WriteAndParse(folder, [new("cases", release)]);

        var section = Section(page, "cases-innovation-provincial");
        Assert.Equal("省级优秀创新案例", section.QuerySelector("h3")!.TextContent);

        // Four units share the tenth place (2 points): all four are listed; 1.5 and 0 are not.
        var expected = Enumerable.Range(0, points.Length).Where(i => points[i] >= 2m).Select(i => $"{provinces[i].Short}|案例{i}：{provinces[i].Short}数据开放平台").ToList();
        Assert.Equal(11, expected.Count);
        Assert.Equal(expected, section.QuerySelectorAll("tbody tr").Select(tr => string.Join("|", tr.QuerySelectorAll("td").Select(td => td.TextContent))));
        Assert.Equal($"cases/units/{provinces[1].Code}.html", section.QuerySelector("tbody tr:nth-child(2) a")!.GetAttribute("href"));
        Assert.Equal("注：按照行政区划序列排序；与第十位得分相同的单位一并列出", section.QuerySelector("p.note")!.TextContent);
    }

    [Fact]
    public void Exactly_ten_cases_make_a_ten_best_list()
    {
        var registry = SampleBundles.Registry;
        var cities = registry.Members(registry.Cohort("key-city"));
        var cases = cities.Take(12).Select((u, i) => (u.Code, i < 10 ? 10m - i : 0m, $"{u.Short}：一网通办")).ToList();
        using var folder = new TempFolder();

        var page = WriteAndParse(folder, [new("cases", SampleBundles.Innovation(registry, "key-city", cases))]);

        var section = Section(page, "cases-innovation-key-city");
        Assert.Equal("重点城市“十大”优秀创新案例", section.QuerySelector("h3")!.TextContent);
        Assert.Equal(cities.Take(10).Select(u => $"{u.Short}|{u.Short}：一网通办"), section.QuerySelectorAll("tbody tr").Select(tr => string.Join("|", tr.QuerySelectorAll("td").Select(td => td.TextContent))));
        Assert.Equal("注：按照行政区划序列排序", section.QuerySelector("p.note")!.TextContent);
    }

    [Fact]
    public void Innovation_cases_of_the_demo_round_follow_its_inputs()
    {
        using var folder = new TempFolder();
        var page = WriteAndParse(folder, SampleBundles.Parts());

        // The oracle reads the inputs file itself: the ten best innovation.cases entries of the provinces (and any
        // tied with the tenth), in registry order, titled by their evidence column.
        var registry = SampleBundles.Registry;
        var provinces = registry.Members(registry.Cohort("provincial"));
        var entered = TableReader.Read(SampleBundles.Demo("capability-2020-inputs.csv")).Rows
            .Where(r => r["indicator"] == "innovation.cases")
            .ToDictionary(r => r["unit"], r => (Points: decimal.Parse(r["value"], CultureInfo.InvariantCulture), Evidence: r["evidence"]));
        var scored = provinces.Where(u => entered.TryGetValue(u.Code, out var e) && e.Points > 0).ToList();
        var tenth = scored.Select(u => entered[u.Code].Points).OrderDescending().ElementAt(9);
        var expected = scored.Where(u => entered[u.Code].Points >= tenth).Select(u => $"{u.Short}|{entered[u.Code].Evidence}").ToList();

        var section = Section(page, "capability-2020-innovation-provincial");
        Assert.Equal(expected, section.QuerySelectorAll("tbody tr").Select(tr => string.Join("|", tr.QuerySelectorAll("td").Select(td => td.TextContent))));
        Assert.NotNull(page.GetElementById("capability-2020-innovation-key-city"));

        // Ranked from totals there are no sheets, and the check has no innovation.* indicator: no lists.
        Assert.Null(page.GetElementById("website-2020-innovation"));
        Assert.Null(page.GetElementById("check-2020-innovation"));
    }

    [Fact]
    public void A_releases_own_index_lists_its_innovation_cases_linked_from_its_folder()
    {
        var page = Parse(GovEval.Publish.Html.ReleasePage.Render(SampleBundles.Capability));

        var provincial = Section(page, "innovation-provincial");
        Assert.Equal(13, provincial.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("units/230000.html", provincial.QuerySelector("tbody a")!.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll("nav.toc a"), a => a.GetAttribute("href") == "#innovation");
        Assert.Null(Parse(GovEval.Publish.Html.ReleasePage.Render(SampleBundles.Website)).GetElementById("innovation"));
    }

    [Fact]
    public void Every_link_resolves_to_a_written_file_or_an_anchor_and_nothing_loads_from_outside()
    {
        using var folder = new TempFolder();
        var page = WriteAndParse(folder, SampleBundles.Parts());

        var links = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("capability-2020/units/110000.html", links);
        Assert.Contains("check-2020/units/120000.html", links);
        foreach (var part in new[] { "capability-2020", "website-2020", "check-2020" })
        {
            Assert.Contains($"{part}/index.html", links);
        }

        foreach (var href in links)
        {
            if (href.StartsWith('#'))
            {
                Assert.NotNull(page.GetElementById(href[1..]));
            }
            else
            {
                Assert.True(File.Exists(Path.Combine(folder["bundle"], href)), href);
            }
        }

        // Names of a part without score sheets are text, never a link to a page that does not exist.
        Assert.Empty(Section(page, "website-2020-results").QuerySelectorAll("ol.ranks a"));
        Assert.Empty(page.QuerySelectorAll("script, link, iframe, img, object, embed"));
        Assert.Equal(Title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Each_part_gets_its_full_release_in_its_folder()
    {
        using var folder = new TempFolder();

        var written = ReleaseBundle.Write(Title, [new("capability-2020", SampleBundles.Capability), new("check-2020", SampleBundles.Check())], folder["bundle"], ReleaseFormats.All);

        Assert.Equal("index.html", written[0]);
        foreach (var file in new[] { "index.html", "results.json", "results.csv", "results.xlsx", "score-details.csv", "units/110000.html" })
        {
            Assert.Contains($"capability-2020/{file}", written);
        }

        Assert.Contains("check-2020/units/500000.html", written);
        Assert.All(written, f => Assert.True(File.Exists(Path.Combine(folder["bundle"], f)), f));
        Assert.Equal(["bundle"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
        var partIndex = Parse(File.ReadAllText(Path.Combine(folder["bundle"], "capability-2020", "index.html")));
        Assert.Equal(SampleBundles.Capability.Title, partIndex.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Parts_always_get_their_html_because_the_combined_page_links_it()
    {
        using var folder = new TempFolder();

        var written = ReleaseBundle.Write(Title, [new("check", SampleBundles.Check())], folder["bundle"], [ReleaseFormat.Json]);

        Assert.Equal(["check/index.html", "check/results.json", "check/units/110000.html", "check/units/120000.html", "check/units/310000.html", "check/units/500000.html", "index.html"], written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hostile_names_evidence_and_titles_print_as_text()
    {
        var registry = SampleReleases.HostileRegistry();
        var cases = SampleBundles.Innovation(registry, "hostile", [("H1", 5m, "<script>alert('case')</script>“一网通办”"), ("H2", 3m, "<img src=x onerror=alert(2)>")]);
        var check = new ReleaseBuilder(FrameworkCatalog.Get("gov-website-check-2019"), registry, [registry.Cohort("hostile")])
            .FromSheets([Core.Scoring.ScoringEngine.Score(FrameworkCatalog.Get("gov-website-check-2019"), Scoring.ScoringInputs.Site().With("veto.unreachable", "http://x.example/").Build() with { UnitCode = "H1" })], null, new ReleaseOptions(2020, "<run>"));
        using var folder = new TempFolder();

        var page = WriteAndParse(folder, [new("cases", cases), new("check", check)], "<b>评估结果</b>");

        Assert.Empty(page.QuerySelectorAll("script, img, b, i"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("<b>评估结果</b>", page.QuerySelector("h1")!.TextContent);
        var rows = Section(page, "cases-innovation-hostile").QuerySelectorAll("tbody tr").Select(tr => string.Join("|", tr.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Equal(["<img src=x onerror=alert(1)>|<script>alert('case')</script>“一网通办”", "\"引号\",逗号|<img src=x onerror=alert(2)>"], rows);
        Assert.Equal(["<img src=x onerror=alert(1)>（单项否决）"], Texts(Section(page, "check-cohort-hostile"), "ul.failed li"));
        Assert.StartsWith("<b>组别</b>：评估1个", Section(page, "check-cohort-hostile").QuerySelector("p.counts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_part_leaves_the_previous_bundle_as_it_was()
    {
        using var folder = new TempFolder();
        var output = folder["bundle"];
        var check = SampleBundles.Check();

        // Broken where only a part's own files read it (the score sheet pages), so the failure strikes mid-write,
        // after the combined page has been rendered.
        var broken = check with { Sheets = check.Sheets.ToDictionary(p => p.Key, p => p.Value with { Root = p.Value.Root with { Lines = null! } }) };
        BundlePageRenders(broken);

        Assert.ThrowsAny<Exception>(() => ReleaseBundle.Write(Title, [new("cases", SampleBundles.Capability), new("check", broken)], output, Light));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));

        ReleaseBundle.Write(Title, [new("check", check)], output, Light);
        var before = Snapshot(output);
        Assert.ThrowsAny<Exception>(() => ReleaseBundle.Write("新的标题", [new("check", check), new("broken", broken)], output, Light));

        Assert.Equal(before, Snapshot(output));
        Assert.Equal(["bundle"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Writing_again_replaces_the_previous_bundle_and_keeps_a_persons_files()
    {
        using var folder = new TempFolder();
        var output = folder["bundle"];
        ReleaseBundle.Write(Title, [new("cases", SampleBundles.Capability), new("check", SampleBundles.Check())], output, Light);
        File.WriteAllText(Path.Combine(output, "check", "units", "notes.txt"), "notes on the checked units");
        File.WriteAllText(Path.Combine(output, "notes.txt"), "the evaluator's own notes");

        ReleaseBundle.Write(Title, [new("check", SampleBundles.Check())], output, Light);

        Assert.False(Directory.Exists(Path.Combine(output, "cases")));
        Assert.True(File.Exists(Path.Combine(output, "check", "units", "110000.html")));
        Assert.Equal("notes on the checked units", File.ReadAllText(Path.Combine(output, "check", "units", "notes.txt")));
        Assert.Equal("the evaluator's own notes", File.ReadAllText(Path.Combine(output, "notes.txt")));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData("index.html")]
    [InlineData("能力")]
    public void Folders_must_be_plain_names(string name)
    {
        using var folder = new TempFolder();

        Assert.Throws<ArgumentException>(() => ReleaseBundle.Write(Title, [new(name, SampleBundles.Check())], folder["bundle"], Light));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Folders_must_differ_and_a_bundle_needs_a_part()
    {
        using var folder = new TempFolder();
        var check = SampleBundles.Check();

        Assert.Throws<ArgumentException>(() => ReleaseBundle.Write(Title, [new("Check", check), new("check", check)], folder["bundle"], Light));
        Assert.Throws<ArgumentException>(() => ReleaseBundle.Write(Title, [], folder["bundle"], Light));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    private static void BundlePageRenders(Release release) => Assert.NotEmpty(GovEval.Publish.Html.BundlePage.Render(Title, [new("broken", release)]));

    private static Dictionary<string, string> Snapshot(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText);
}
