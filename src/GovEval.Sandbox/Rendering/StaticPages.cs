using System.Globalization;
using System.Text;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Rendering;

/// <summary>The small fixed pages of a site: robots.txt, sitemap.xml, site map, contact, 信息公开指南, forms, 404.</summary>
public static class StaticPages
{
    public static string Robots(SiteModel site)
    {
        var text = new StringBuilder();
        text.Append("User-agent: *\nDisallow: /admin/\n");
        if (site.Faults.HasFlag(FaultKind.RobotsDisallowed))
        {
            text.Append("Disallow: ").Append(FaultPaths.PrintPrefix).Append("/\n");
        }

        text.Append("Sitemap: ").Append(site.Url("/sitemap.xml")).Append('\n');
        return text.ToString();
    }

    public static string Sitemap(SiteModel site)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        void Url(string path, DateOnly? modified)
        {
            xml.Append("<url><loc>").Append(site.Url(path)).Append("</loc>");
            if (modified is { } m)
            {
                xml.Append("<lastmod>").Append(DateFormats.Iso(m)).Append("</lastmod>");
            }

            xml.Append("</url>\n");
        }

        Url("/", site.Today);
        foreach (var column in site.Columns)
        {
            Url(column.FirstPagePath, null);
            for (var k = 0; k < column.Count; k++)
            {
                var item = site.Item(column, k);
                Url(item.Path, item.Date);
            }
        }

        foreach (var guide in site.Guides)
        {
            Url(guide.Path, null);
        }

        xml.Append("</urlset>\n");
        return xml.ToString();
    }

    public static string SiteMap(SiteModel site)
    {
        var html = new Html();
        html.Line("<h1 class=\"column-title\">网站地图</h1>");
        ListMarkup.Write(html, ListFamily.UnorderedList, site.Columns.Select(c => new ListEntry(c.FirstPagePath, c.Name, null)), "sitemap");
        return Layout.Page(site, "网站地图_" + site.Name, html.ToString());
    }

    public static string Contact(SiteModel site)
    {
        var html = new Html();
        html.Line("<h1 class=\"column-title\">联系我们</h1>");
        html.Raw("<p>单位名称：").Text(site.Name).Line("</p>");
        html.Raw("<p>联系电话：0").Raw((site.Entry.Index % 900 + 100).ToString(CultureInfo.InvariantCulture)).Line("-12345（工作日）</p>");
        html.Raw("<p>电子邮箱：webmaster@").Text(site.Host).Line("</p>");
        return Layout.Page(site, "联系我们_" + site.Name, html.ToString());
    }

    public static string DisclosureGuide(SiteModel site)
    {
        var html = new Html();
        html.Raw("<div class=\"article\"><h1 class=\"title\">").Text(site.Name + "政府信息公开指南").Line("</h1>");
        html.Raw("<p>").Text("为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。").Line("</p>");
        html.Line("<h3>一、主动公开</h3><p>主动公开的政府信息通过本网站政府信息公开专栏发布。</p>");
        html.Line("<h3>二、依申请公开</h3><p>公民、法人或者其他组织可以通过网络、信函等方式提出申请。</p>");
        html.Line("<h3>三、监督方式</h3><p>公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法投诉、举报。</p></div>");
        var published = new DateOnly(site.Today.Year, 1, 10);
        if (published > site.Today)
        {
            published = published.AddYears(-1);
        }

        return Layout.Page(site, "政府信息公开指南_" + site.Name, html.ToString(),
        [
            ("ArticleTitle", site.Name + "政府信息公开指南"), ("PubDate", DateFormats.PubDate(published.ToDateTime(new TimeOnly(9, 0)))), ("ContentSource", site.Name),
        ]);
    }

    public static string WriteForm(SiteModel site, Column column)
    {
        var html = new Html();
        html.Raw("<h1 class=\"column-title\">我要写信（").Text(column.Name).Line("）</h1>");
        html.Line($"<form class=\"letter\" method=\"post\" action=\"/{column.Slug}/submit\">");
        html.Line("<p><label>姓名<input type=\"text\" name=\"name\"></label></p><p><label>联系电话<input type=\"text\" name=\"phone\"></label></p>");
        html.Line("<p><label>标题<input type=\"text\" name=\"title\"></label></p><p><label>内容<textarea name=\"content\"></textarea></label></p>");
        html.Line("<button type=\"submit\">提交</button></form>");
        return Layout.Page(site, "我要写信_" + site.Name, html.ToString());
    }

    public static string Submitted(SiteModel site, string code)
    {
        var html = new Html();
        html.Raw("<h1 class=\"column-title\">提交成功</h1><p>您的信件已提交，查询码：").Text(code).Line("。我们将尽快答复。</p>");
        return Layout.Page(site, "提交成功_" + site.Name, html.ToString());
    }

    public static string Calendar(SiteModel site, int year, int month)
    {
        var html = new Html();
        var first = new DateOnly(year, month, 1);
        var previous = first.AddMonths(-1);
        var next = first.AddMonths(1);
        html.Raw("<h1 class=\"column-title\">活动日历 ").Raw(first.ToString("yyyy年M月", CultureInfo.InvariantCulture)).Line("</h1>");
        html.Line($"<p><a href=\"{Html.Encode(FaultPaths.Calendar(previous.Year, previous.Month))}\">上个月</a> <a href=\"{Html.Encode(FaultPaths.Calendar(next.Year, next.Month))}\">下个月</a></p>");
        html.Line("<table class=\"calendar\"><tr><th>一</th><th>二</th><th>三</th><th>四</th><th>五</th><th>六</th><th>日</th></tr><tr>");
        for (var d = 1; d <= DateTime.DaysInMonth(year, month); d++)
        {
            html.Raw("<td>").Raw(d.ToString(CultureInfo.InvariantCulture)).Raw("</td>");
            if (d % 7 == 0)
            {
                html.Raw("</tr><tr>");
            }
        }

        html.Line("</tr></table>");
        return Layout.Page(site, "活动日历_" + site.Name, html.ToString());
    }

    public static string NotFound(SiteModel site)
    {
        var html = new Html();
        html.Line("<div class=\"error\"><h1>抱歉，您访问的页面不存在或已被删除</h1><p><a href=\"/\">返回首页</a></p></div>");
        return Layout.Page(site, "页面不存在_" + site.Name, html.ToString());
    }
}
