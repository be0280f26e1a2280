using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Rendering;

/// <summary>办事服务: the guide list with online systems, each 办事指南 in the site's layout, and system entry pages.</summary>
public static class ServicePages
{
    public static string Index(SiteModel site)
    {
        var html = new Html();
        html.Line("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; 办事服务</div>");
        html.Line("<h1 class=\"column-title\">办事服务</h1>");
        html.Line("<h2>办事指南</h2>");
        ListMarkup.Write(html, site.Family, site.Guides.Select(g => new ListEntry(g.Path, g.Name, null)), "list guides");
        html.Line("<h2>在线办理</h2><ul class=\"online-services\">");
        foreach (var system in site.Systems)
        {
            html.Raw("<li>").Link(system.Path, system.Name, "online-service").Line("</li>");
        }

        html.Line("</ul>");
        return Layout.Page(site, "办事服务_" + site.Name, html.ToString(), [("ColumnName", "办事服务"), ("ColumnType", "services")]);
    }

    public static string Guide(SiteModel site, Guide guide)
    {
        var html = new Html();
        html.Line("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/bsfw/index.html\">办事服务</a> &gt; 办事指南</div>");
        html.Raw("<div class=\"article guide\"><h1 class=\"title\">").Text(guide.Name).Line("</h1>");
        var elements = Sites.Guide.Elements.Where(e => !guide.Missing.Contains(e)).Select(e => (e, Value(site, guide, e))).ToList();
        switch (site.GuideLayout)
        {
            case GuideLayout.Table:
                html.Line("<table class=\"guide-table\">");
                foreach (var (name, value) in elements)
                {
                    html.Raw("<tr><th>").Text(name).Raw("</th><td>").Text(value).Line("</td></tr>");
                }

                html.Line("</table>");
                break;
            case GuideLayout.List:
                html.Line("<ul class=\"guide-list\">");
                foreach (var (name, value) in elements)
                {
                    html.Raw("<li><strong>").Text(name).Raw("：</strong>").Text(value).Line("</li>");
                }

                html.Line("</ul>");
                break;
            default:
                foreach (var (name, value) in elements)
                {
                    html.Raw("<h3>").Text(name).Raw("</h3><p>").Text(value).Line("</p>");
                }

                break;
        }

        html.Raw("<div class=\"downloads\"><h3>表格下载</h3>");
        foreach (var attachment in guide.Attachments)
        {
            html.Link(attachment.Path, $"{attachment.Name}.{attachment.Extension}").Raw(" ");
        }

        html.Line("</div></div>");
        var published = site.Today.AddDays(-30 - guide.Number).ToDateTime(new TimeOnly(9, 0));
        return Layout.Page(site, guide.Name + "_" + site.Name, html.ToString(),
        [
            ("ArticleTitle", guide.Name), ("PubDate", DateFormats.PubDate(published)), ("ContentSource", site.Name), ("ColumnName", "办事指南"),
        ]);
    }

    public static string System(SiteModel site, OnlineSystem system)
    {
        var html = new Html();
        html.Raw("<h1 class=\"column-title\">").Text(system.Name).Line("</h1>");
        html.Line("<form class=\"login\" method=\"post\" action=\"#\"><p>统一身份认证登录</p><input type=\"text\" name=\"user\" placeholder=\"用户名/身份证号\"><input type=\"password\" name=\"password\"><button type=\"submit\">登录</button></form>");
        return Layout.Page(site, system.Name + "_" + site.Name, html.ToString());
    }

    private static string Value(SiteModel site, Guide guide, string element) => element switch
    {
        "事项名称" => guide.Name,
        "设定依据" => "《中华人民共和国行政许可法》及相关法律法规",
        "申请条件" => "符合相关法律法规规定条件的申请人",
        "办理材料" => "申请表、身份证明材料及其他相关证明材料",
        "办理地点" => site.Name + "政务服务大厅综合窗口",
        "办理机构" => site.Name,
        "收费标准" => "不收费",
        "办理时间" => "工作日上午9:00—12:00，下午13:30—17:00",
        "联系电话" => "0" + (site.Entry.Index % 900 + 100) + "-" + (66_000_000 + guide.Number * 1_111),
        _ => "申请—受理—审查—决定—送达",
    };
}
