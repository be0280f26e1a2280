using GovEval.Sandbox.Rendering;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;
using GovEval.Sandbox.Tests.Support;
using GovEval.Sandbox.Text;

namespace GovEval.Sandbox.Tests;

/// <summary>The structure and variety of real portals (政府网站发展指引), across a 100-site population.</summary>
public sealed class StructureTests
{
    private static readonly SandboxServer Server = Sandboxes.Hundred;
    private static readonly List<SiteModel> Sites = Server.Population.Sites.Select(Server.Site).ToList();

    [Fact]
    public void Four_markup_families_seven_date_formats_three_guide_layouts_and_three_encodings_occur()
    {
        Assert.Equal(4, Sites.SelectMany(s => s.Columns).Select(c => c.Family).Distinct().Count());
        Assert.Equal(Enum.GetValues<DateStyle>().Length, Sites.SelectMany(s => s.Columns.Select(c => c.Dates).Append(s.HomeDates)).Distinct().Count());
        Assert.Equal(3, Sites.Select(s => s.GuideLayout).Distinct().Count());
        Assert.Equal(3, Sites.Select(s => s.Encoding).Distinct().Count());
        Assert.True(Sites.Select(s => s.Declaration).Distinct().Count() >= 6);
        Assert.Contains(Sites, s => s.Columns.Any(c => c.FilledByScript));
    }

    [Fact]
    public void Each_list_family_renders_its_own_markup_with_the_dates_it_shows()
    {
        var markers = new Dictionary<ListFamily, string>
        {
            [ListFamily.Table] = "<td class=\"date\">",
            [ListFamily.UnorderedList] = "<span class=\"date\">",
            [ListFamily.DivGrid] = "<div class=\"col-date\">",
            [ListFamily.DefinitionList] = "<dd class=\"date\">",
        };
        foreach (var (family, marker) in markers)
        {
            var site = Sites.First(s => s.Columns.Any(c => c.Family == family && c.Count > 0 && !c.FilledByScript && !c.Messages));
            var column = site.Columns.First(c => c.Family == family && c.Count > 0 && !c.FilledByScript && !c.Messages);
            var html = ListPage.Render(site, column, 0, null);
            Assert.Contains(marker, html, StringComparison.Ordinal);
            Assert.Contains(DateFormats.Format(site.Item(column, 0).Date, column.Dates, site.Today), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Date_formats_are_written_as_sites_write_them()
    {
        var today = new DateOnly(2020, 11, 30);
        var date = new DateOnly(2020, 11, 3);
        Assert.Equal("2020-11-03", DateFormats.Format(date, DateStyle.Iso, today));
        Assert.Equal("2020年11月3日", DateFormats.Format(date, DateStyle.Chinese, today));
        Assert.Equal("2020/11/03", DateFormats.Format(date, DateStyle.Slash, today));
        Assert.Equal("2020.11.03", DateFormats.Format(date, DateStyle.Dot, today));
        Assert.Equal("[11-03]", DateFormats.Format(date, DateStyle.BracketMonthDay, today));
        Assert.Equal("11-03", DateFormats.Format(date, DateStyle.MonthDay, today));
        Assert.Equal("发布时间：2020-11-03", DateFormats.Format(date, DateStyle.Labelled, today));
        Assert.Equal("2019-11-03", DateFormats.Format(new DateOnly(2019, 11, 3), DateStyle.MonthDay, today));
    }

    [Fact]
    public void A_script_filled_list_holds_its_items_only_as_script_data()
    {
        var site = Sites.First(s => s.Columns.Any(c => c.FilledByScript));
        var column = site.Columns.First(c => c.FilledByScript);
        var document = TestCrawler.Parse(ListPage.Render(site, column, 0, null));
        Assert.Empty(document.QuerySelectorAll("#list-box a"));
        Assert.Contains(site.Item(column, 0).Path, document.QuerySelector("script")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Articles_carry_meta_tags_and_policies_link_their_interpretations()
    {
        var site = Sites.First(s => s.Columns.Any(c => c.Titles == TitleSource.Interpretation && c.Count > 0)
            && s.Columns.First(c => c.Titles == TitleSource.Policy) is { Count: > 0 } p && (s.DefectsOf(p, 0)?.Tags ?? TagProblem.None) == TagProblem.None);
        var policy = site.Columns.First(c => c.Titles == TitleSource.Policy);
        var interpretation = site.Columns.First(c => c.Titles == TitleSource.Interpretation);
        var item = site.Item(policy, 0);
        var document = TestCrawler.Parse(ArticlePage.Render(site, item));
        Assert.Equal(item.Title, document.QuerySelector("meta[name='ArticleTitle']")!.GetAttribute("content"));
        Assert.Equal(item.Published.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), document.QuerySelector("meta[name='PubDate']")!.GetAttribute("content"));
        Assert.Equal(site.Name, document.QuerySelector("meta[name='ContentSource']")!.GetAttribute("content"));
        Assert.Equal(site.Item(interpretation, 0).Path, document.QuerySelector(".related a")!.GetAttribute("href"));
    }

    [Fact]
    public void Portals_have_disclosure_guide_annual_reports_services_interaction_search_robots_and_sitemap()
    {
        var site = Sites.First(s => s.HasServices && s.Search == SearchMode.Working && s.Https == HttpsMode.Good && s.Columns.Any(c => c.Consultation));
        string Get(string path) => InProcessClient.Get(Server, site.Url(path)).Text!;
        Assert.Contains("政府信息公开指南", Get("/zwgk/xxgkzn/index.html"), StringComparison.Ordinal);
        Assert.Contains("政府信息公开工作年度报告", Get("/zwgk/ndbg/index.html"), StringComparison.Ordinal);
        var services = TestCrawler.Parse(Get("/bsfw/index.html"));
        Assert.Equal(site.Guides.Count, services.QuerySelectorAll(".guides a").Length);
        Assert.Equal(3, services.QuerySelectorAll("a.online-service").Length);
        var guide = TestCrawler.Parse(Get(site.Guides[0].Path));
        Assert.NotEmpty(guide.QuerySelectorAll(".downloads a"));
        var consultation = site.Columns.First(c => c.Consultation);
        Assert.Contains("name=\"content\"", Get($"/{consultation.Slug}/write.html"), StringComparison.Ordinal);
        var submitted = Server.Answer(site.Host, new SandboxRequest("POST", $"/{consultation.Slug}/submit", "", true, "title=咨询"));
        Assert.Equal(200, submitted.Status);
        var title = site.Item(site.Columns[0], 1).Title;
        var post = InProcessClient.Decode(Server.Answer(site.Host, new SandboxRequest("POST", "/search", "", true, title)))!;
        Assert.Contains(site.Item(site.Columns[0], 1).Path, post, StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://" + site.Host + "/sitemap.xml", Get("/robots.txt"), StringComparison.Ordinal);
        Assert.Contains($"<loc>https://{site.Host}{site.Item(site.Columns[0], 0).Path}</loc>", Get("/sitemap.xml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdf", "application/pdf", "%PDF-1.4")]
    [InlineData("doc", "application/msword", "<html")]
    [InlineData("xls", "application/vnd.ms-excel", "<html")]
    public void Attachments_download_with_their_type(string extension, string contentType, string start)
    {
        var (site, attachment) = Sites.SelectMany(s => s.Guides.SelectMany(g => g.Attachments).Select(a => (s, a)))
            .First(p => p.a.Extension == extension && !p.s.Broken.Any(b => b.Target == p.a.Path));
        var response = InProcessClient.Get(Server, site.Url(attachment.Path)).Response;
        Assert.Equal(200, response.Status);
        Assert.Equal(contentType, response.ContentType);
        Assert.StartsWith(start, System.Text.Encoding.UTF8.GetString(response.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_dated_column_class_is_stale_and_blank_somewhere()
    {
        var today = Server.Today;
        foreach (var columnClass in new[] { ColumnClass.News, ColumnClass.Notice, ColumnClass.Policy, ColumnClass.Personnel, ColumnClass.Plan })
        {
            var columns = Sites.SelectMany(s => s.Columns.Where(c => c.Class == columnClass).Select(c => (s, c))).ToList();
            Assert.Contains(columns, p => p.c.Count > 0 && p.s.Item(p.c, 0).Date < columnClass.FreshSince(today));
            Assert.Contains(columns, p => p.c.Count > 0 && p.s.Item(p.c, 0).Date >= columnClass.FreshSince(today));
            Assert.Contains(columns, p => p.c.Count == 0);
        }
    }

    [Fact]
    public void Site_id_codes_follow_the_national_format()
    {
        foreach (var site in Sites.Where(s => s.SiteIdProblem == SiteIdProblem.None))
        {
            Assert.Matches(site.Entry.Unit.Level == Core.Registry.UnitLevel.Central ? "^bm[0-9]{8}$" : "^[0-9]{10}$", site.SiteIdCode);
        }
    }
}
