using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Rendering;

/// <summary>A column's list page: items in the column's markup family, a pager, or 暂无信息 when the column is blank.</summary>
public static class ListPage
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Render(SiteModel site, Column column, int page, string? query)
    {
        var html = new Html();
        html.Raw("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; ").Text(column.Name).Line("</div>");
        html.Raw("<h1 class=\"column-title\">").Text(column.Name).Line("</h1>");
        if (column.Messages)
        {
            html.Line($"<p class=\"write\"><a href=\"/{column.Slug}/write.html\">我要写信</a></p>");
        }

        if (site.Faults.HasFlag(FaultKind.QueryTrap) && column.Index == 0 && page == 0)
        {
            // Every sorted view links two more views of the same list: an endless space of URLs with one content.
            var separator = string.IsNullOrEmpty(query) ? "?" : "?" + query + "&";
            var depth = string.IsNullOrEmpty(query) ? 0 : query.Count(c => c == '&') + 1;
            html.Raw("<div class=\"sort\">排序：")
                .Raw($"<a href=\"{column.FirstPagePath}{Html.Encode(separator)}sort{depth}=date\">按时间</a> ")
                .Raw($"<a href=\"{column.FirstPagePath}{Html.Encode(separator)}sort{depth}=title\">按标题</a>")
                .Line("</div>");
        }

        string? script = null;
        if (column.Count == 0)
        {
            html.Line("<div class=\"empty\">暂无信息</div>");
        }
        else if (column.Messages)
        {
            var entries = Enumerable.Range(page * column.PageSize, Math.Min(column.PageSize, column.Count - page * column.PageSize))
                .Select(k => site.MessageAt(column, k))
                .Select(m => new ListEntry(
                    m.Item.Path,
                    m.Item.Title,
                    m.Replied is { } r ? "回复时间：" + DateFormats.Iso(r) : "状态：待回复",
                    "留言时间：" + DateFormats.Iso(m.Submitted)));
            ListMarkup.Write(html, column.Family, entries, "list messages");
        }
        else
        {
            var items = site.Items(column, page * column.PageSize, column.PageSize).ToList();
            if (column.FilledByScript)
            {
                // The list exists only as data for a script: a crawler without a browser sees an empty box.
                html.Line("<div class=\"list\" id=\"list-box\"></div>");
                var data = items.Select(i => new Dictionary<string, string>
                {
                    ["title"] = i.Title,
                    ["url"] = i.Path,
                    ["date"] = DateFormats.Format(i.Date, column.Dates, site.Today),
                });
                script = "<script>var listData = " + JsonSerializer.Serialize(data, Json) + ";\n" +
                    "(function(){var box=document.getElementById('list-box');var ul=document.createElement('ul');" +
                    "listData.forEach(function(d){var li=document.createElement('li');var a=document.createElement('a');a.href=d.url;a.textContent=d.title;" +
                    "var s=document.createElement('span');s.className='date';s.textContent=d.date;li.appendChild(a);li.appendChild(s);ul.appendChild(li);});" +
                    "box.appendChild(ul);})();</script>";
            }
            else
            {
                ListMarkup.Write(html, column.Family, items.Select(i => new ListEntry(i.Path, i.Title, DateFormats.Format(i.Date, column.Dates, site.Today))));
            }
        }

        Pager(html, column, page);
        if (site.Faults.HasFlag(FaultKind.LargePage) && column.Titles == TitleSource.Other && page == 0)
        {
            html.Line($"<p><a href=\"{FaultPaths.LargePage}\">查看全部数据</a></p>");
        }

        return Layout.Page(site, column.Name + "_" + site.Name, html.ToString(), [("ColumnName", column.Name), ("ColumnType", column.Class.Id())], script);
    }

    private static void Pager(Html html, Column column, int page)
    {
        var pages = column.Pages;
        html.Raw("<div class=\"pager\">共").Raw(column.Count.ToString(CultureInfo.InvariantCulture)).Raw("条 第")
            .Raw((page + 1).ToString(CultureInfo.InvariantCulture)).Raw("/").Raw(pages.ToString(CultureInfo.InvariantCulture)).Raw("页 ");
        if (page > 0)
        {
            html.Raw($"<a href=\"{column.PagePath(0)}\">首页</a> <a href=\"{column.PagePath(page - 1)}\">上一页</a> ");
        }

        if (page + 1 < pages)
        {
            html.Raw($"<a href=\"{column.PagePath(page + 1)}\">下一页</a> <a href=\"{column.PagePath(pages - 1)}\">尾页</a>");
        }

        html.Line("</div>");
    }
}
