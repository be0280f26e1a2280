using GovEval.Collect.Crawling;
using GovEval.Core.Observations;

namespace GovEval.Collect.Tests;

public sealed class PagerLinksTests
{
    [Theory]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_3.html", "下一页", false, "http://a.gov.cn/zwgk/tzgg/index_2.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_1.html", "下页", false, "http://a.gov.cn/zwgk/tzgg/index.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index.html", "上一页", false, "http://a.gov.cn/zwgk/tzgg/index_1.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_166.html", "尾页", false, "http://a.gov.cn/zwgk/tzgg/index.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_4.html", "5", false, "http://a.gov.cn/zwgk/tzgg/index_2.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_4.html", "[5]", false, "http://a.gov.cn/zwgk/tzgg/index_2.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_4.html", "第5页", false, "http://a.gov.cn/zwgk/tzgg/index_2.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_4.html", " 下一页 >> ", false, "http://a.gov.cn/zwgk/tzgg/index_3.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_4.html", "»", false, "http://a.gov.cn/zwgk/tzgg/index_3.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_4.html", "Next", false, "http://a.gov.cn/zwgk/tzgg/index_3.html")]
    [InlineData("http://a.gov.cn/col/list.jsp?page=3", "下页", false, "http://a.gov.cn/col/list.jsp?page=2")]
    [InlineData("http://a.gov.cn/col/col123/index.html?uid=456&pageNum=3", "3", false, "http://a.gov.cn/col/col123/index.html?uid=456&pageNum=2")]
    [InlineData("http://a.gov.cn/news/2.html", null, true, "http://a.gov.cn/news/1.html")]
    [InlineData("http://a.gov.cn/xwzx/202011/index_2.html", "下一页", false, "http://a.gov.cn/xwzx/202011/index_1.html")]
    public void Pager_links_of_the_same_list_are_list_pages(string target, string? text, bool rel, string page) =>
        Assert.True(PagerLinks.IsListPage(target, text, rel, page));

    [Theory]
    [InlineData("http://a.gov.cn/", "首页", false, "http://a.gov.cn/zwgk/tzgg/index_2.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/202011/t20201130_1.html", "市政府关于做好安全生产工作的通知", false, "http://a.gov.cn/zwgk/tzgg/index.html")]
    [InlineData("http://a.gov.cn/zwgk/zcwj/index_2.html", "下一页", false, "http://a.gov.cn/zwgk/tzgg/index_1.html")]
    [InlineData("http://b.gov.cn/zwgk/tzgg/index_2.html", "下一页", false, "http://a.gov.cn/zwgk/tzgg/index_1.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_2.html", "上一篇", false, "http://a.gov.cn/zwgk/tzgg/index_3.html")]
    [InlineData("http://a.gov.cn/hdjl/cal/2020-12.html", "›", false, "http://a.gov.cn/hdjl/cal/2020-11.html")]
    [InlineData("http://a.gov.cn/hdjl/calendar.html?month=202012", "下一页", false, "http://a.gov.cn/hdjl/calendar.html?month=202011")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_2.html", "2020年第二季度工作情况", false, "http://a.gov.cn/zwgk/tzgg/index_1.html")]
    [InlineData("http://a.gov.cn/zwgk/tzgg/index_2.html", null, false, "http://a.gov.cn/zwgk/tzgg/index_1.html")]
    public void Other_links_are_not(string target, string? text, bool rel, string page) =>
        Assert.False(PagerLinks.IsListPage(target, text, rel, page));

    [Fact]
    public void Rel_next_and_prev_are_read_from_anchors_and_from_the_head()
    {
        var links = LinkExtractor.Extract(
            "<html><head><link rel=\"stylesheet\" href=\"/a.css\"><link rel=\"next\" href=\"index_2.html\"><link rel=\"canonical\" href=\"/x\"></head><body>" +
            "<a rel=\"prev\" href=\"index.html\">‹</a><a rel=\"nofollow next\" href=\"index_2.html\">›</a><a rel=\"nofollow\" href=\"/y\">y</a><a href=\"/z\">z</a></body></html>",
            out _);

        Assert.Equal(
            [("/a.css", LinkSource.Stylesheet, false), ("index_2.html", LinkSource.Other, true), ("/x", LinkSource.Other, false),
             ("index.html", LinkSource.Anchor, true), ("index_2.html", LinkSource.Anchor, true), ("/y", LinkSource.Anchor, false), ("/z", LinkSource.Anchor, false)],
            links.Select(l => (l.Reference, l.Source, l.PagerRel)));
        Assert.Equal("›", links[4].Text);
    }

    [Fact]
    public void The_resolver_gives_pager_links_the_list_page_role_and_leaves_the_rest()
    {
        var page = new Uri("http://a.gov.cn/zwgk/tzgg/index_1.html");
        var resolver = new LinkResolver(new CrawlScope(new Uri("http://a.gov.cn/"), []));
        var links = LinkExtractor.Extract(
            "<html><head><link rel=\"next\" href=\"index_2.html\"></head><body><a href=\"/\">首页</a><a href=\"index.html\">首页</a><a href=\"./202011/t1.html\">通知</a>" +
            "<a href=\"index_2.html\">下一页</a><a href=\"/zwgk/tzgg/index_3.html\">4</a><a href=\"http://b.gov.cn/list/index_2.html\">下一页</a><a href=\"att.pdf\">2</a></body></html>",
            out var baseHref);

        var roles = resolver.Resolve(links, page, baseHref).Select(l => (l.Target, l.Role)).ToList();

        Assert.Equal(
            [("http://a.gov.cn/zwgk/tzgg/index_2.html", LinkRole.ListPage), ("http://a.gov.cn/", LinkRole.Page), ("http://a.gov.cn/zwgk/tzgg/index.html", LinkRole.ListPage),
             ("http://a.gov.cn/zwgk/tzgg/202011/t1.html", LinkRole.Page), ("http://a.gov.cn/zwgk/tzgg/index_2.html", LinkRole.ListPage),
             ("http://a.gov.cn/zwgk/tzgg/index_3.html", LinkRole.ListPage), ("http://b.gov.cn/list/index_2.html", LinkRole.Check), ("http://a.gov.cn/zwgk/tzgg/att.pdf", LinkRole.Check)],
            roles);
    }
}
