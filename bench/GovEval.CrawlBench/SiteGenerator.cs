using System.Globalization;
using System.Text;

namespace GovEval.CrawlBench;

/// <summary>
/// Writes a static government-like site of N pages for the crawl benchmark: a homepage, list-like pages with
/// dated Chinese titles, navigation and footer, about ten links a page (a tree so every page is reachable, plus
/// cross links), some to missing pages, some to images and attachments. Deterministic for a seed.
/// </summary>
public static class SiteGenerator
{
    private static readonly string[] Words =
    [
        "关于", "印发", "进一步", "加强", "政务公开", "工作", "通知", "实施意见", "全市", "营商环境", "优化", "方案", "政策解读",
        "公开征求", "意见", "建议", "答复", "人民政府", "办公室", "年度", "报告", "乡村振兴", "专项资金", "管理办法", "安全生产",
    ];

    private static readonly string[] Columns = ["要闻动态", "通知公告", "政策文件", "政策解读", "人事信息", "规划计划", "机构概况", "互动交流"];

    public static (int Pages, int BrokenLinks, long Bytes) Write(string root, int pages, int seed = 1)
    {
        Directory.CreateDirectory(Path.Combine(root, "p"));
        Directory.CreateDirectory(Path.Combine(root, "files"));
        Directory.CreateDirectory(Path.Combine(root, "images"));
        Directory.CreateDirectory(Path.Combine(root, "css"));
        File.WriteAllText(Path.Combine(root, "css", "site.css"), "body { font-family: sans-serif; }\n");
        File.WriteAllText(Path.Combine(root, "robots.txt"), "User-agent: *\nDisallow: /admin/\n");
        File.WriteAllBytes(Path.Combine(root, "images", "logo.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        for (var f = 0; f < 50; f++)
        {
            File.WriteAllText(Path.Combine(root, "files", $"att{f}.pdf"), "%PDF-1.4\n%bench\n");
        }

        var random = new Random(seed);
        var broken = 0;
        long bytes = 0;
        var today = new DateOnly(2020, 11, 30);
        for (var n = 0; n < pages; n++)
        {
            var html = Page(n, pages, random, today, ref broken);
            var path = n == 0 ? Path.Combine(root, "index.html") : Path.Combine(root, "p", $"{n}.html");
            var data = Encoding.UTF8.GetBytes(html);
            bytes += data.Length;
            File.WriteAllBytes(path, data);
        }

        return (pages, broken, bytes);
    }

    private static string Href(int n) => n == 0 ? "/" : $"/p/{n}.html";

    private static string Title(Random random)
    {
        var sb = new StringBuilder();
        var count = random.Next(4, 9);
        for (var i = 0; i < count; i++)
        {
            sb.Append(Words[random.Next(Words.Length)]);
        }

        return sb.ToString();
    }

    private static string Page(int n, int pages, Random random, DateOnly today, ref int broken)
    {
        var html = new StringBuilder(9000);
        var column = Columns[n % Columns.Length];
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"SiteName\" content=\"示范市人民政府\"><meta name=\"SiteIDCode\" content=\"4403000001\">");
        html.Append("<meta name=\"ColumnName\" content=\"").Append(column).Append("\"><title>").Append(column).Append("_示范市人民政府</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body>\n");
        html.Append("<div class=\"header\"><img src=\"/images/logo.png\" alt=\"示范市人民政府\"><form class=\"search\" action=\"/search\" method=\"get\"><input name=\"q\"></form></div>\n");
        html.Append("<div class=\"nav\"><ul><li><a href=\"/\">首页</a></li>");
        html.Append("<li><a href=\"").Append(Href(1 % pages)).Append("\">").Append(Columns[1]).Append("</a></li>");
        html.Append("<li><a href=\"").Append(Href(2 % pages)).Append("\">").Append(Columns[2]).Append("</a></li></ul></div>\n");
        html.Append("<div class=\"main\"><h1>").Append(column).Append("</h1><ul class=\"list\">\n");

        // Tree links keep every page reachable from the homepage; the others are cross links.
        var targets = new List<int>();
        for (var child = 2 * n + 1; child <= 2 * n + 3 && child < pages; child++)
        {
            targets.Add(child);
        }

        while (targets.Count < 6)
        {
            targets.Add(random.Next(pages));
        }

        foreach (var target in targets)
        {
            var date = today.AddDays(-random.Next(0, 700));
            html.Append("<li><a href=\"").Append(Href(target)).Append("\" target=\"_blank\">").Append(Title(random)).Append("</a><span class=\"date\">")
                .Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</span></li>\n");
        }

        html.Append("</ul>\n<div class=\"content\">");
        for (var p = 0; p < 6; p++)
        {
            html.Append("<p>").Append(Title(random)).Append('，').Append(Title(random)).Append('。').Append(Title(random)).Append("。</p>\n");
        }

        html.Append("</div>\n");
        if (random.Next(100) < 25)
        {
            html.Append("<p class=\"attachment\">附件：<a href=\"/files/att").Append(random.Next(50)).Append(".pdf\">").Append(Title(random)).Append(".pdf</a></p>\n");
        }

        if (random.Next(100) < 5)
        {
            broken++;
            html.Append("<p><a href=\"/p/missing-").Append(n).Append(".html\">").Append(Title(random)).Append("</a></p>\n");
        }

        html.Append("</div>\n<div class=\"footer\"><p>主办单位：示范市人民政府办公室 网站标识码：4403000001</p>");
        html.Append("<p>粤ICP备12345678号 粤公网安备 44030002000001号</p></div>\n");
        html.Append("</body></html>\n");
        return html.ToString();
    }
}
