using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Rendering;

/// <summary>One line of a list: a linked title and, when the list shows one, its date as displayed.</summary>
public readonly record struct ListEntry(string Href, string Title, string? Date, string? Extra = null);

/// <summary>Writes lists in the four markup families real templates use (table rows, ul/li, div grids, dl/dt/dd).</summary>
public static class ListMarkup
{
    public static void Write(Html html, ListFamily family, IEnumerable<ListEntry> entries, string cssClass = "list")
    {
        switch (family)
        {
            case ListFamily.Table:
                html.Line($"<table class=\"{cssClass}\"><tbody>");
                foreach (var e in entries)
                {
                    html.Raw("<tr><td class=\"title\">").Link(e.Href, e.Title).Raw("</td>");
                    Cell(html, "<td class=\"extra\">", e.Extra, "</td>");
                    Cell(html, "<td class=\"date\">", e.Date, "</td>");
                    html.Line("</tr>");
                }

                html.Line("</tbody></table>");
                break;
            case ListFamily.UnorderedList:
                html.Line($"<ul class=\"{cssClass}\">");
                foreach (var e in entries)
                {
                    html.Raw("<li>").Link(e.Href, e.Title);
                    Cell(html, "<em class=\"extra\">", e.Extra, "</em>");
                    Cell(html, "<span class=\"date\">", e.Date, "</span>");
                    html.Line("</li>");
                }

                html.Line("</ul>");
                break;
            case ListFamily.DivGrid:
                html.Line($"<div class=\"{cssClass} grid\">");
                foreach (var e in entries)
                {
                    html.Raw("<div class=\"row\"><div class=\"col-title\">").Link(e.Href, e.Title).Raw("</div>");
                    Cell(html, "<div class=\"col-extra\">", e.Extra, "</div>");
                    Cell(html, "<div class=\"col-date\">", e.Date, "</div>");
                    html.Line("</div>");
                }

                html.Line("</div>");
                break;
            default:
                html.Line($"<div class=\"{cssClass}\">");
                foreach (var e in entries)
                {
                    html.Raw("<dl><dt>").Link(e.Href, e.Title).Raw("</dt>");
                    Cell(html, "<dd class=\"extra\">", e.Extra, "</dd>");
                    Cell(html, "<dd class=\"date\">", e.Date, "</dd>");
                    html.Line("</dl>");
                }

                html.Line("</div>");
                break;
        }
    }

    private static void Cell(Html html, string open, string? value, string close)
    {
        if (value is not null)
        {
            html.Raw(open).Text(value).Raw(close);
        }
    }
}
