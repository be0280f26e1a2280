using System.Globalization;
using System.Net;
using System.Text;

namespace GovEval.PortalBench;

/// <summary>
/// Writes the benchmark's static government portal, the shape the issue measured: a homepage, four static pages,
/// six columns whose lists run to 167 pages each, chained by a TRS-style pager (首页 上一页 3 4 5 6 7 下一页 尾页,
/// index.html, index_1.html … index_166.html), and 19,994 articles under them — 21,001 pages. One page in a
/// hundred carries one broken link (a missing article, attachment or image of the site, or a missing page of
/// the "external" site on the second loopback address); those targets are the truth file. Every other link works:
/// attachments and images exist, and the external site answers its own pages. Deterministic for a seed: the same
/// arguments write the same bytes.
/// </summary>
public static class PortalGenerator
{
    public const int ListPages = 167;
    public const int TotalPages = 21_001;

    private static readonly Column[] Columns =
    [
        new("xwzx/zwyw", "政务要闻", "新闻中心"),
        new("xwzx/bmdt", "部门动态", "新闻中心"),
        new("zwgk/tzgg", "通知公告", "政务公开"),
        new("zwgk/zcwj", "政策文件", "政务公开"),
        new("zwgk/zcjd", "政策解读", "政务公开"),
        new("zwgk/rsxx", "人事信息", "政务公开"),
    ];

    private static readonly (string Path, string Name)[] StaticPages =
    [
        ("wzdt", "网站地图"), ("lxwm", "联系我们"), ("wzsm", "网站声明"), ("zwgk/xxgkzn", "政府信息公开指南"),
    ];

    private const string SiteName = "示范市人民政府";
    private const string SiteCode = "4499000001";
    private static readonly DateOnly Newest = new(2020, 11, 30);

    /// <summary>Writes the site under <paramref name="root"/>/site and the external site under <paramref name="root"/>/external.</summary>
    /// <param name="external">Origin of the external site, e.g. http://127.0.0.2:18090 (links to it are checked, not crawled).</param>
    public static Summary Write(string root, string origin, string external, int seed = 14)
    {
        var site = Path.Combine(root, "site");
        var random = new Random(seed);
        var text = new PortalText(random);
        var articleCount = TotalPages - 1 - StaticPages.Length - Columns.Length * ListPages;
        var articles = Articles(articleCount, text, random);

        // One page in a hundred (the homepage excepted) gets one broken link; chosen up front so the choice does not
        // depend on how much text the pages drew.
        var brokenCount = TotalPages / 100;
        var order = Enumerable.Range(1, TotalPages - 1).ToArray();
        random.Shuffle(order);
        var brokenPages = order.Take(brokenCount).ToHashSet();
        var truth = new List<string>();
        var writer = new SiteWriter(site);

        writer.Write("index.html", Homepage(articles, external));
        var number = 1;
        foreach (var (path, name) in StaticPages)
        {
            writer.Write($"{path}/index.html", StaticPage(path, name, text, Broken(number++, $"/{path}/", "./", brokenPages, truth, origin, external), external));
        }

        for (var c = 0; c < Columns.Length; c++)
        {
            var column = Columns[c];
            var inColumn = articles.Where(a => a.Column == c).ToList();
            for (var p = 0; p < ListPages; p++)
            {
                var from = inColumn.Count * p / ListPages;
                var to = inColumn.Count * (p + 1) / ListPages;
                var file = p == 0 ? "index.html" : $"index_{p}.html";
                writer.Write($"{column.Path}/{file}", ListPage(column, p, inColumn[from..to], Broken(number++, $"/{column.Path}/", "./", brokenPages, truth, origin, external), external));
            }

            for (var k = 0; k < inColumn.Count; k++)
            {
                var article = inColumn[k];
                var broken = Broken(number++, $"/{column.Path}/{article.Month}/", "../", brokenPages, truth, origin, external);
                writer.Write(article.SitePath[1..], ArticlePage(column, article, k > 0 ? inColumn[k - 1] : null, k + 1 < inColumn.Count ? inColumn[k + 1] : null,
                    inColumn.Skip(k + 2).Take(3).ToList(), text, random, broken, external));
                if (article.Attachment is { } attachment)
                {
                    writer.WriteBytes(attachment[1..], Pdf(article.Title));
                }

                if (article.Image is { } image)
                {
                    writer.WriteBytes(image[1..], Jpeg);
                }
            }
        }

        Assets(writer);
        var externalBytes = ExternalSite(Path.Combine(root, "external"));
        truth.Sort(StringComparer.Ordinal);
        File.WriteAllLines(Path.Combine(root, "broken.txt"), truth);
        return new Summary(writer.Pages, articleCount, truth.Count, writer.Bytes, externalBytes);
    }

    public sealed record Summary(int Pages, int Articles, int BrokenLinks, long Bytes, long ExternalBytes);

    private sealed record Column(string Path, string Name, string Section);

    private sealed record Article(int Column, int Id, string Title, DateOnly Date, string Month, string SitePath, string? Attachment, string? Image, string Source);

    /// <summary>A broken link of the page, or null: markup relative to the page's folder, the absolute target noted in the truth.</summary>
    private sealed record BrokenLink(string Html);

    private static List<Article> Articles(int count, PortalText text, Random random)
    {
        var articles = new List<Article>(count);

        // Articles go to the columns in turn; the k-th of a column is about k/2 days older than its newest.
        var perColumn = new int[Columns.Length];
        for (var i = 0; i < count; i++)
        {
            var c = i % Columns.Length;
            var k = perColumn[c]++;
            var date = Newest.AddDays(-(k * 9 / 20));
            var month = date.ToString("yyyyMM", CultureInfo.InvariantCulture);
            var day = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var id = 1_000_001 + i;
            var folder = $"/{Columns[c].Path}/{month}/";
            var title = c < 2 ? text.Headline() : text.Title();
            var attachment = random.Next(100) < 8 ? $"{folder}P0{day}{id}.pdf" : null;
            var image = random.Next(100) < 4 ? $"{folder}W0{day}{id}.jpg" : null;
            articles.Add(new Article(c, id, title, date, month, $"{folder}t{day}_{id}.html", attachment, image, text.Subject()));
        }

        return articles;
    }

    /// <param name="folder">The page's folder (/zwgk/tzgg/202011/ for an article); files it links sit beside it.</param>
    /// <param name="articles">Where its links to articles start, relative to it ("./" on a list, "../" on an article).</param>
    private static BrokenLink? Broken(int page, string folder, string articles, HashSet<int> brokenPages, List<string> truth, string origin, string external)
    {
        if (!brokenPages.Contains(page))
        {
            return null;
        }

        // The kind by the page's number, so each kind is a quarter-ish of the whole: 45% articles, 25% attachments,
        // 10% images, 20% the external site's pages.
        var day = Newest.AddDays(-(page % 700));
        var month = day.ToString("yyyyMM", CultureInfo.InvariantCulture);
        var stamp = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var id = 9_000_000 + page;
        var kind = page * 7 % 20;
        string target, html;
        if (kind < 9)
        {
            target = $"{(articles == "../" ? folder[..(folder.TrimEnd('/').LastIndexOf('/') + 1)] : folder)}{month}/t{stamp}_{id}.html";
            html = $"<li><a href=\"{articles}{month}/t{stamp}_{id}.html\" target=\"_blank\">关于{stamp[..4]}年度重点工作任务分解的通知</a></li>";
        }
        else if (kind < 14)
        {
            var extension = (page % 3) switch { 0 => "pdf", 1 => "doc", _ => "xls" };
            target = $"{folder}P0{stamp}{id}.{extension}";
            html = $"<li>附件：<a href=\"./P0{stamp}{id}.{extension}\">{stamp[..4]}年度部门预算公开表.{extension}</a></li>";
        }
        else if (kind < 16)
        {
            target = $"{folder}W0{stamp}{id}.jpg";
            html = $"<li><img src=\"./W0{stamp}{id}.jpg\" alt=\"图解：{stamp[..4]}年政府工作报告\"></li>";
        }
        else
        {
            target = $"{external}/gov/{month}/content_{id}.htm";
            html = $"<li><a href=\"{target}\" target=\"_blank\">国务院办公厅关于印发{stamp[..4]}年政务公开工作要点的通知</a></li>";
        }

        truth.Add(target.StartsWith("http", StringComparison.Ordinal) ? target : origin + target);
        return new BrokenLink(html);
    }

    private static void Head(StringBuilder html, string title, string column, string? article = null, string? date = null, string? source = null)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"SiteName\" content=\"").Append(SiteName).Append("\">\n<meta name=\"SiteDomain\" content=\"www.shifan.gov.cn\">\n");
        html.Append("<meta name=\"SiteIDCode\" content=\"").Append(SiteCode).Append("\">\n<meta name=\"ColumnName\" content=\"").Append(column).Append("\">\n");
        if (article is not null)
        {
            html.Append("<meta name=\"ArticleTitle\" content=\"").Append(WebUtility.HtmlEncode(article)).Append("\">\n");
            html.Append("<meta name=\"PubDate\" content=\"").Append(date).Append(" 09:30\">\n<meta name=\"ContentSource\" content=\"").Append(source).Append("\">\n");
        }

        html.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        html.Append("<link rel=\"stylesheet\" href=\"/images/common.css\">\n<script src=\"/js/jquery.min.js\"></script>\n<script src=\"/js/common.js\"></script>\n</head>\n<body>\n");
        html.Append("<div class=\"top\"><div class=\"w1200\"><span class=\"welcome\">欢迎访问").Append(SiteName).Append("门户网站！</span>");
        html.Append("<span class=\"tools\"><a href=\"javascript:void(0)\" onclick=\"aria.start()\">无障碍</a> | <a href=\"javascript:void(0)\" onclick=\"oldage.start()\">长者模式</a></span></div></div>\n");
        html.Append("<div class=\"header\"><div class=\"w1200\"><a href=\"/\"><img src=\"/images/logo.png\" alt=\"").Append(SiteName).Append("\"></a>\n");
        html.Append("<form class=\"search\" action=\"/search/index.html\" method=\"get\" target=\"_blank\"><input type=\"text\" name=\"searchWord\" placeholder=\"请输入关键字\"><input type=\"hidden\" name=\"siteCode\" value=\"").Append(SiteCode).Append("\"><button type=\"submit\">搜索</button></form></div></div>\n");
        html.Append("<div class=\"nav\"><ul class=\"w1200\"><li><a href=\"/\">首页</a></li>");
        foreach (var c in Columns)
        {
            html.Append("<li><a href=\"/").Append(c.Path).Append("/index.html\">").Append(c.Name).Append("</a></li>");
        }

        html.Append("<li><a href=\"/zwgk/xxgkzn/index.html\">信息公开指南</a></li></ul></div>\n");
    }

    private static void Foot(StringBuilder html, string external)
    {
        html.Append("<div class=\"footer\"><div class=\"w1200\">\n<p class=\"links\"><a href=\"/wzdt/index.html\">网站地图</a> | <a href=\"/lxwm/index.html\">联系我们</a> | <a href=\"/wzsm/index.html\">网站声明</a></p>\n");
        html.Append("<p>主办单位：").Append(SiteName).Append("办公室　承办：示范市政务服务数据管理局　联系电话：0000-12345678</p>\n");
        html.Append("<p>网站标识码：").Append(SiteCode).Append("　<a href=\"").Append(external).Append("/beian/index.html\" target=\"_blank\">示ICP备00000000号-1</a>　");
        html.Append("<img src=\"/images/ga.png\" alt=\"\">示公网安备 44999902000001号</p>\n");
        html.Append("<p class=\"jiucuo\"><a href=\"").Append(external).Append("/jiucuo/index.html?site_code=").Append(SiteCode).Append("\" target=\"_blank\"><img src=\"/images/jiucuo.png\" alt=\"政府网站找错\"></a>");
        html.Append("<a href=\"").Append(external).Append("/dzjg/index.html\" target=\"_blank\"><img src=\"/images/dzjg.png\" alt=\"党政机关\"></a></p>\n");
        html.Append("</div></div>\n<script>var _hmt = _hmt || []; /* 访问统计 */</script>\n</body>\n</html>\n");
    }

    private static void Broken(StringBuilder html, BrokenLink? broken)
    {
        if (broken is not null)
        {
            html.Append("<ul class=\"related-links\">").Append(broken.Html).Append("</ul>\n");
        }
    }

    private static string Homepage(List<Article> articles, string external)
    {
        var html = new StringBuilder(24_000);
        Head(html, SiteName + "门户网站", "首页");
        html.Append("<div class=\"banner\"><img src=\"/images/banner.jpg\" alt=\"").Append(SiteName).Append("\"></div>\n<div class=\"main w1200\">\n");
        for (var c = 0; c < Columns.Length; c++)
        {
            var column = Columns[c];
            html.Append("<div class=\"block\"><div class=\"block-title\"><h3>").Append(column.Name).Append("</h3><a class=\"more\" href=\"/").Append(column.Path).Append("/index.html\">更多&gt;&gt;</a></div>\n<ul class=\"list\">\n");
            foreach (var article in articles.Where(a => a.Column == c).Take(8))
            {
                html.Append("<li><a href=\"").Append(article.SitePath).Append("\" target=\"_blank\" title=\"").Append(WebUtility.HtmlEncode(article.Title)).Append("\">")
                    .Append(WebUtility.HtmlEncode(article.Title)).Append("</a><span class=\"date\">").Append(article.Date.ToString("MM-dd", CultureInfo.InvariantCulture)).Append("</span></li>\n");
            }

            html.Append("</ul></div>\n");
        }

        html.Append("<div class=\"zt\"><a href=\"/zwgk/zcjd/index.html\"><img src=\"/images/zt1.jpg\" alt=\"政策解读\"></a><a href=\"/zwgk/xxgkzn/index.html\"><img src=\"/images/zt2.jpg\" alt=\"政府信息公开\"></a></div>\n");
        html.Append("<div class=\"friend-links\"><h3>友情链接</h3><a href=\"").Append(external).Append("/gov/index.html\" target=\"_blank\">中国政府网</a>");
        html.Append("<a href=\"").Append(external).Append("/province/index.html\" target=\"_blank\">示范省人民政府</a></div>\n</div>\n");
        Foot(html, external);
        return html.ToString();
    }

    private static string StaticPage(string path, string name, PortalText text, BrokenLink? broken, string external)
    {
        var html = new StringBuilder(12_000);
        Head(html, $"{name}_{SiteName}", name);
        html.Append("<div class=\"position w1200\">当前位置：<a href=\"/\">首页</a> &gt; <span>").Append(name).Append("</span></div>\n<div class=\"main w1200\"><h1>").Append(name).Append("</h1>\n");
        if (path == "wzdt")
        {
            foreach (var column in Columns)
            {
                html.Append("<p><a href=\"/").Append(column.Path).Append("/index.html\">").Append(column.Section).Append(" - ").Append(column.Name).Append("</a></p>\n");
            }
        }

        for (var p = 0; p < 8; p++)
        {
            html.Append("<p>").Append(text.Paragraph()).Append("</p>\n");
        }

        Broken(html, broken);
        html.Append("</div>\n");
        Foot(html, external);
        return html.ToString();
    }

    private static string ListPage(Column column, int page, List<Article> items, BrokenLink? broken, string external)
    {
        var html = new StringBuilder(16_000);
        Head(html, $"{column.Name}_{SiteName}", column.Name);
        html.Append("<div class=\"position w1200\">当前位置：<a href=\"/\">首页</a> &gt; <span>").Append(column.Section).Append("</span> &gt; <a href=\"./index.html\">").Append(column.Name).Append("</a></div>\n");
        html.Append("<div class=\"main w1200\"><div class=\"side\"><h2>").Append(column.Section).Append("</h2><ul>");
        foreach (var sibling in Columns.Where(c => c.Section == column.Section))
        {
            html.Append("<li").Append(sibling == column ? " class=\"on\"" : "").Append("><a href=\"/").Append(sibling.Path).Append("/index.html\">").Append(sibling.Name).Append("</a></li>");
        }

        html.Append("</ul></div>\n<div class=\"content\"><div class=\"lm-title\">").Append(column.Name).Append("</div>\n<ul class=\"list\">\n");
        foreach (var article in items)
        {
            var title = WebUtility.HtmlEncode(article.Title);
            html.Append("<li><a href=\"./").Append(article.Month).Append('/').Append(Path.GetFileName(article.SitePath)).Append("\" target=\"_blank\" title=\"").Append(title).Append("\">")
                .Append(title).Append("</a><span class=\"date\">").Append(article.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</span></li>\n");
        }

        html.Append("</ul>\n");
        Pager(html, page);
        Broken(html, broken);
        html.Append("</div></div>\n");
        Foot(html, external);
        return html.ToString();
    }

    /// <summary>TRS WCM's pager: 共167页 首页 上一页 (five page numbers around this one) 下一页 尾页.</summary>
    private static void Pager(StringBuilder html, int page)
    {
        static string File(int p) => p == 0 ? "index.html" : $"index_{p}.html";
        html.Append("<div class=\"page\">共").Append(ListPages).Append("页　当前第").Append(page + 1).Append('/').Append(ListPages).Append("页　");
        html.Append("<a href=\"index.html\">首页</a> ");
        html.Append(page > 0 ? $"<a href=\"{File(page - 1)}\">上一页</a> " : "<span class=\"disabled\">上一页</span> ");
        var first = Math.Max(0, Math.Min(page - 2, ListPages - 5));
        for (var p = first; p < first + 5; p++)
        {
            html.Append(p == page ? $"<span class=\"current\">{p + 1}</span> " : $"<a href=\"{File(p)}\">{p + 1}</a> ");
        }

        html.Append(page + 1 < ListPages ? $"<a href=\"{File(page + 1)}\">下一页</a> " : "<span class=\"disabled\">下一页</span> ");
        html.Append("<a href=\"").Append(File(ListPages - 1)).Append("\">尾页</a></div>\n");
    }

    private static string ArticlePage(Column column, Article article, Article? newer, Article? older, List<Article> related, PortalText text, Random random, BrokenLink? broken, string external)
    {
        var html = new StringBuilder(12_000);
        var date = article.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = WebUtility.HtmlEncode(article.Title);
        Head(html, $"{article.Title}_{column.Name}_{SiteName}", column.Name, article.Title, date, article.Source);
        html.Append("<div class=\"position w1200\">当前位置：<a href=\"/\">首页</a> &gt; <span>").Append(column.Section).Append("</span> &gt; <a href=\"../index.html\">").Append(column.Name).Append("</a> &gt; 正文</div>\n");
        html.Append("<div class=\"main w1200\"><div class=\"article\">\n");
        if (column.Path == "zwgk/zcwj")
        {
            html.Append("<table class=\"xxgk-table\"><tr><th>索引号</th><td>114499000000000000/").Append(article.Date.Year).Append('-').Append(article.Id % 100_000)
                .Append("</td><th>主题分类</th><td>").Append(text.Topic()).Append("</td></tr>\n<tr><th>发布机构</th><td>").Append(article.Source).Append("</td><th>成文日期</th><td>").Append(date)
                .Append("</td></tr>\n<tr><th>文号</th><td>示府办〔").Append(article.Date.Year).Append("〕").Append(article.Id % 97 + 1).Append("号</td><th>发布日期</th><td>").Append(date).Append("</td></tr></table>\n");
        }

        html.Append("<h1 class=\"title\">").Append(title).Append("</h1>\n<div class=\"info\"><span>发布时间：").Append(date).Append(" 09:30</span><span>来源：").Append(article.Source)
            .Append("</span><span class=\"font\">字号：<a href=\"javascript:void(0)\" onclick=\"setFont(18)\">大</a> <a href=\"javascript:void(0)\" onclick=\"setFont(16)\">中</a> <a href=\"javascript:void(0)\" onclick=\"setFont(14)\">小</a></span></div>\n<div class=\"article-content\">\n");
        var paragraphs = random.Next(5, 11);
        for (var p = 0; p < paragraphs; p++)
        {
            html.Append("<p>　　").Append(text.Paragraph()).Append("</p>\n");
        }

        if (article.Image is { } image)
        {
            html.Append("<p style=\"text-align:center\"><img src=\"./").Append(Path.GetFileName(image)).Append("\" alt=\"\"></p>\n");
        }

        html.Append("</div>\n");
        if (article.Attachment is { } attachment)
        {
            html.Append("<p class=\"attachment\">附件：<a href=\"./").Append(Path.GetFileName(attachment)).Append("\">").Append(title).Append(".pdf</a></p>\n");
        }

        html.Append("<div class=\"prev-next\">");
        html.Append(newer is null ? "<p>上一篇：没有了</p>" : $"<p>上一篇：<a href=\"{Relative(article, newer)}\">{WebUtility.HtmlEncode(newer.Title)}</a></p>");
        html.Append(older is null ? "<p>下一篇：没有了</p>" : $"<p>下一篇：<a href=\"{Relative(article, older)}\">{WebUtility.HtmlEncode(older.Title)}</a></p>");
        html.Append("</div>\n<div class=\"tools\"><a href=\"javascript:window.print()\">打印本页</a> <a href=\"javascript:window.close()\">关闭窗口</a></div>\n");
        html.Append("<div class=\"related\"><h3>相关文章</h3><ul>");
        foreach (var other in related)
        {
            html.Append("<li><a href=\"").Append(Relative(article, other)).Append("\">").Append(WebUtility.HtmlEncode(other.Title)).Append("</a></li>");
        }

        html.Append("</ul></div>\n");
        Broken(html, broken);
        html.Append("</div></div>\n");
        Foot(html, external);
        return html.ToString();
    }

    /// <summary>How TRS writes a link between two articles: ./t….html in the same month, ../202010/t….html across.</summary>
    private static string Relative(Article from, Article to) =>
        from.Month == to.Month ? "./" + Path.GetFileName(to.SitePath) : $"../{to.Month}/{Path.GetFileName(to.SitePath)}";

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];

    private static byte[] Pdf(string title) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% attachment {title.Length}\n%%EOF\n");

    private static void Assets(SiteWriter writer)
    {
        writer.WriteBytes("images/common.css", Encoding.UTF8.GetBytes("body{font:14px/1.8 \"Microsoft YaHei\",sans-serif;margin:0}.w1200{width:1200px;margin:0 auto}\n"));
        writer.WriteBytes("js/jquery.min.js", Encoding.UTF8.GetBytes("/* jquery stand-in for the benchmark */\n"));
        writer.WriteBytes("js/common.js", Encoding.UTF8.GetBytes("function setFont(s){document.body.style.fontSize=s+'px'}\n"));
        foreach (var name in new[] { "logo.png", "ga.png", "jiucuo.png", "dzjg.png" })
        {
            writer.WriteBytes($"images/{name}", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        }

        foreach (var name in new[] { "banner.jpg", "zt1.jpg", "zt2.jpg" })
        {
            writer.WriteBytes($"images/{name}", Jpeg);
        }

        writer.WriteBytes("robots.txt", Encoding.ASCII.GetBytes("User-agent: *\nDisallow: /search/\n"));
    }

    private static long ExternalSite(string root)
    {
        var writer = new SiteWriter(root);
        foreach (var (path, name) in new[] { ("index.html", "外部网站"), ("gov/index.html", "中国政府网"), ("province/index.html", "示范省人民政府"), ("beian/index.html", "ICP备案"), ("jiucuo/index.html", "政府网站找错"), ("dzjg/index.html", "党政机关标识") })
        {
            writer.WriteBytes(path, Encoding.UTF8.GetBytes($"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{name}</title></head><body><h1>{name}</h1></body></html>\n"));
        }

        return writer.Bytes;
    }

    /// <summary>Writes files under a root, creating folders once, and counts the HTML pages and bytes written.</summary>
    private sealed class SiteWriter(string root)
    {
        private readonly HashSet<string> folders = [];

        public int Pages { get; private set; }

        public long Bytes { get; private set; }

        public void Write(string path, string html)
        {
            Pages++;
            WriteBytes(path, Encoding.UTF8.GetBytes(html));
        }

        public void WriteBytes(string path, byte[] data)
        {
            var full = Path.Combine(root, path);
            var folder = Path.GetDirectoryName(full)!;
            if (folders.Add(folder))
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllBytes(full, data);
            Bytes += data.Length;
        }
    }
}
