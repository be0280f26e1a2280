using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Rendering;

/// <summary>The frame every HTML page of a site shares: head with the site's meta tags, header, navigation and footer.</summary>
public static class Layout
{
    public static string Page(SiteModel site, string title, string body, IEnumerable<(string Name, string Content)>? metas = null, string? script = null)
    {
        var html = new Html();
        html.Line("<!DOCTYPE html>");
        html.Line("<html lang=\"zh-CN\">");
        html.Line("<head>");
        var charsetMeta = CharsetMeta(site);
        if (charsetMeta is not null)
        {
            html.Line(charsetMeta);
        }

        html.Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Raw("<title>").Text(title).Line("</title>");
        html.Raw("<meta name=\"SiteName\" content=\"").Text(site.Name).Line("\">");
        html.Raw("<meta name=\"SiteDomain\" content=\"").Text(site.Host).Line("\">");
        if (site.SiteIdProblem != SiteIdProblem.Missing)
        {
            html.Raw("<meta name=\"SiteIDCode\" content=\"").Text(site.SiteIdCode).Line("\">");
        }

        foreach (var (name, content) in metas ?? [])
        {
            html.Raw("<meta name=\"").Text(name).Raw("\" content=\"").Text(content).Line("\">");
        }

        html.Line("<link rel=\"stylesheet\" href=\"/css/site.css\">");
        html.Line("</head>");
        html.Line("<body>");
        html.Line("<div class=\"top\">");
        html.Raw("<div class=\"logo\"><a href=\"/\"><img src=\"/images/logo.png\" alt=\"").Text(site.Name).Raw("\"></a><span class=\"site-name\">").Text(site.Name).Line("</span></div>");
        if (site.Search != SearchMode.Missing)
        {
            html.Line("<form class=\"search\" method=\"get\" action=\"/search\"><input type=\"text\" name=\"q\" placeholder=\"请输入关键词\"><button type=\"submit\">搜索</button></form>");
        }

        html.Line("</div>");
        Navigation(html, site);
        html.Line("<div class=\"main\">");
        html.Raw(body);
        html.Line("</div>");
        Footer(html, site);
        if (script is not null)
        {
            html.Line(script);
        }

        html.Line("</body>");
        html.Line("</html>");
        return html.ToString();
    }

    private static void Navigation(Html html, SiteModel site)
    {
        html.Line("<div class=\"nav\"><ul>");
        html.Line("<li><a href=\"/\">首页</a></li>");
        foreach (var column in site.Columns)
        {
            html.Raw("<li>").Raw($"<a href=\"{column.FirstPagePath}\">").Text(column.Name).Line("</a></li>");
        }

        html.Line("<li><a href=\"/zwgk/xxgkzn/index.html\">政府信息公开指南</a></li>");
        if (site.HasServices)
        {
            html.Line("<li><a href=\"/bsfw/index.html\">办事服务</a></li>");
        }

        html.Line("</ul></div>");
    }

    private static void Footer(Html html, SiteModel site)
    {
        html.Line("<div class=\"footer\">");
        html.Line("<p><a href=\"/wzdt.html\">网站地图</a> | <a href=\"/lxwm.html\">联系我们</a></p>");
        html.Raw("<p>");
        if (site.FooterGap != FooterGap.Sponsor)
        {
            html.Raw("主办单位：").Text(site.Name).Raw("　");
        }

        if (site.FooterGap != FooterGap.SiteCode)
        {
            html.Raw("网站标识码：").Text(site.SiteIdCode);
        }

        html.Line("</p>");
        html.Raw("<p>");
        if (site.FooterGap != FooterGap.Icp)
        {
            html.Raw("<span class=\"icp\">").Text(site.Icp).Raw("</span>　");
        }

        if (site.FooterGap != FooterGap.PublicSecurity)
        {
            html.Raw("<span class=\"gaba\"><img src=\"/images/ga.png\" alt=\"\">").Text(site.PublicSecurityFiling).Raw("</span>");
        }

        html.Line("</p>");
        if (site.Declaration == CharsetDeclaration.MetaGb2312ForGbk)
        {
            // 堃 is in GBK but not in GB2312: a decoder that takes the label literally loses it.
            html.Line("<p>联系地址：堃华路88号</p>");
        }

        html.Raw("<p>版权所有 &copy; ").Raw(site.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw(" ").Text(site.Name).Line("</p>");
        html.Line("</div>");
    }

    private static string? CharsetMeta(SiteModel site) => site.Declaration switch
    {
        CharsetDeclaration.HeaderOnly or CharsetDeclaration.Undeclared => null,
        CharsetDeclaration.MetaGb2312ForGbk => "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
        CharsetDeclaration.HeaderOverridesMeta => "<meta charset=\"utf-8\">",
        CharsetDeclaration.BomOverridesHeader => "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">",
        _ => $"<meta charset=\"{PageEncoder.Label(site.Encoding)}\">",
    };

    /// <summary>Malformed markup for sites with that fault: unclosed paragraphs, stray end tags, unquoted attributes.</summary>
    public static bool Malformed(SiteModel site) => site.Faults.HasFlag(FaultKind.MalformedHtml);
}
