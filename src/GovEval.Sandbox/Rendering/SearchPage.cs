using System.Globalization;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Rendering;

/// <summary>
/// Site search over every published title (GET and POST forms). A site with a stale index finds nothing from the
/// last <see cref="StaleIndexDays"/> days, so searching the newest title comes back empty (search.not-found), even on
/// a site whose homepage is stale (its newest homepage item is at most 120 days old).
/// </summary>
public static class SearchPage
{
    public const int PageSize = 20;

    public const int StaleIndexDays = 150;

    public static string Render(SiteModel site, string? query, int page)
    {
        var html = new Html();
        html.Line("<h1 class=\"column-title\">站内搜索</h1>");
        html.Raw("<form class=\"search-advanced\" method=\"post\" action=\"/search\"><input type=\"text\" name=\"q\" value=\"").Text(query ?? "").Line("\"><button type=\"submit\">高级搜索</button></form>");
        if (string.IsNullOrWhiteSpace(query))
        {
            html.Line("<p class=\"hint\">请输入关键词</p>");
            return Layout.Page(site, "站内搜索_" + site.Name, html.ToString());
        }

        var results = Find(site, query.Trim()).ToList();
        html.Raw("<p class=\"summary\">共找到").Raw(results.Count.ToString(CultureInfo.InvariantCulture)).Raw("条与“").Text(query).Line("”相关的结果</p>");
        ListMarkup.Write(html, ListFamily.UnorderedList,
            results.Skip(page * PageSize).Take(PageSize).Select(i => new ListEntry(i.Path, i.Title, DateFormats.Iso(i.Date), i.Column.Name)),
            "list results");
        if ((page + 1) * PageSize < results.Count)
        {
            html.Raw($"<a class=\"next\" href=\"/search?q={Uri.EscapeDataString(query)}&amp;p={page + 1}\">下一页</a>");
        }

        return Layout.Page(site, "站内搜索_" + site.Name, html.ToString());
    }

    public static IEnumerable<Item> Find(SiteModel site, string query)
    {
        var newest = site.Search == SearchMode.Stale ? site.Today.AddDays(-StaleIndexDays) : site.Today;
        foreach (var column in site.Columns)
        {
            for (var k = 0; k < column.Count; k++)
            {
                var item = site.Item(column, k);
                if (item.Date <= newest && item.Title.Contains(query, StringComparison.Ordinal))
                {
                    yield return item;
                }
            }
        }
    }
}
