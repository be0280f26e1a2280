using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Rendering;

/// <summary>The homepage: picture news, dated news blocks, special topics, services, interaction, links.</summary>
public static class HomePage
{
    public static string Render(SiteModel site)
    {
        var html = new Html();
        var lead = site.Columns[0];
        html.Line("<div class=\"block focus\"><h2>图片新闻</h2><ul class=\"pics\">");
        foreach (var item in site.Items(lead, 0, 3))
        {
            html.Raw($"<li><a href=\"{item.Path}\"><img src=\"/uploads/img/{item.Id}.png\" alt=\"").Text(item.Title).Raw("\"></a><p>").Text(item.Title).Line("</p></li>");
        }

        html.Line("</ul></div>");

        foreach (var column in site.HomepageColumns)
        {
            html.Raw($"<div class=\"block\" id=\"{column.Slug.Replace('/', '-')}\"><h2><a href=\"{column.FirstPagePath}\">").Text(column.Name).Raw("</a></h2>");
            html.Line($"<a class=\"more\" href=\"{column.FirstPagePath}\">更多&gt;&gt;</a>");
            ListMarkup.Write(html, column.Family, site.Items(column, 0, SiteModel.HomepageBlockSize)
                .Select(i => new ListEntry(i.Path, i.Title, DateFormats.Format(i.Date, site.HomeDates, site.Today))));
            html.Line("</div>");
        }

        html.Line("<div class=\"block topics\"><h2>专题专栏</h2><ul>");
        foreach (var column in site.Columns.Where(c => c.Class is ColumnClass.Policy && c.Count > 0).Take(2))
        {
            html.Raw("<li>").Link(column.FirstPagePath, column.Name + "专栏").Line("</li>");
        }

        foreach (var broken in site.Broken.Where(b => b.LinkedFrom.Kind == PageKind.Home))
        {
            html.Raw("<li>").Link(broken.Target, broken.Text).Line("</li>");
        }

        html.Line("</ul></div>");

        if (site.HasServices)
        {
            html.Line("<div class=\"block services\"><h2><a href=\"/bsfw/index.html\">办事服务</a></h2><ul>");
            foreach (var guide in site.Guides.Take(5))
            {
                html.Raw("<li>").Link(guide.Path, guide.Name).Line("</li>");
            }

            html.Line("</ul></div>");
        }

        html.Line("<div class=\"block interaction\"><h2>互动交流</h2><ul>");
        foreach (var column in site.Columns.Where(c => c.Class == ColumnClass.Interaction))
        {
            html.Raw("<li>").Link(column.FirstPagePath, column.Name).Line("</li>");
            if (column.Messages)
            {
                html.Raw("<li>").Link($"/{column.Slug}/write.html", "我要写信（" + column.Name + "）").Line("</li>");
            }
        }

        html.Line("</ul></div>");
        FaultLinks(html, site);

        if (site.RelatedHosts.Count > 0)
        {
            html.Line("<div class=\"block links\"><h2>友情链接</h2><ul>");
            foreach (var host in site.RelatedHosts)
            {
                html.Raw("<li>").Link($"http://{host}/", host).Line("</li>");
            }

            html.Line("</ul></div>");
        }

        return Layout.Page(site, site.Name, html.ToString());
    }

    /// <summary>Entrances to the scanner traps, where a crawler finds them in its first round.</summary>
    private static void FaultLinks(Html html, SiteModel site)
    {
        var faults = site.Faults;
        if ((faults & (FaultKind.RedirectChain | FaultKind.CalendarTrap | FaultKind.LargePage | FaultKind.GzipBomb)) == 0)
        {
            return;
        }

        html.Line("<div class=\"block convenience\"><h2>便民服务</h2><ul>");
        if (faults.HasFlag(FaultKind.RedirectChain))
        {
            html.Raw("<li>").Link(FaultPaths.ChainStart, "旧版网站入口").Line("</li>");
        }

        if (faults.HasFlag(FaultKind.CalendarTrap))
        {
            html.Raw("<li>").Link(FaultPaths.Calendar(site.Today.Year, site.Today.Month), "活动日历").Line("</li>");
        }

        if (faults.HasFlag(FaultKind.LargePage))
        {
            html.Raw("<li>").Link(FaultPaths.LargePage, "统计数据汇总（全量）").Line("</li>");
        }

        if (faults.HasFlag(FaultKind.GzipBomb))
        {
            html.Raw("<li>").Link(FaultPaths.GzipBomb, "数据导出").Line("</li>");
        }

        html.Line("</ul></div>");
    }
}
