using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using GovEval.Core.Text;

namespace GovEval.Checks.Columns;

/// <summary>One line of a list: the item's URL (normalised), its title, the date shown and the line's other text.</summary>
public sealed record ListEntry(string Url, string Title, DateOnly? Date, string Text);

/// <summary>
/// Reads the entries of a list page (or the homepage's blocks) whatever the template: table rows, ul/li, div
/// grids, dl/dt/dd, and lists a script fills from an inline <c>listData</c> array. A line is the largest element
/// around a link that holds no other link, or the nearest row element (li, tr, dl); its date is read from the
/// line's text without the title, so a date inside a title is never taken for the item's date.
/// </summary>
public static class ListItems
{
    /// <summary>
    /// A row (li, tr, dl) holding more links than this is a block of links (a menu, a tag cloud, a page of
    /// thousands of links in one list item), not one line: each of its links is read as a line of its own. Reading
    /// such a row's text once for each of its links cost the square of its size.
    /// </summary>
    public const int MaxLinksPerLine = 16;

    // HomepageItems, ColumnFreshness and ConsultationChecks all read the homepage's lines: read them once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IHtmlDocument, Lines> Cache = new();

    private sealed record Lines(string BaseUrl, DateOnly Today, IReadOnlyList<ListEntry> Entries);

    public static IReadOnlyList<ListEntry> Read(IHtmlDocument document, string baseUrl, DateOnly today, CancellationToken cancel = default)
    {
        if (Cache.TryGetValue(document, out var cached) && cached.BaseUrl == baseUrl && cached.Today == today)
        {
            return cached.Entries;
        }

        var entries = ReadLines(document, baseUrl, today, cancel);
        Cache.AddOrUpdate(document, new Lines(baseUrl, today, entries));
        return entries;
    }

    private static List<ListEntry> ReadLines(IHtmlDocument document, string baseUrl, DateOnly today, CancellationToken cancel)
    {
        var entries = new List<ListEntry>();
        var body = document.Body;
        if (body is null)
        {
            return entries;
        }

        var layout = PageLayout.Of(document);
        foreach (var anchor in body.QuerySelectorAll("a[href]"))
        {
            cancel.ThrowIfCancellationRequested();
            if ((layout.RegionOf(anchor) & (PageRegion.Chrome | PageRegion.Form)) != 0)
            {
                continue;
            }

            var url = SitePages.Resolve(baseUrl, anchor.GetAttribute("href"));
            if (url is null)
            {
                continue;
            }

            var line = Line(anchor, body, layout);
            var text = SitePages.Text(line, anchor);
            var title = SitePages.Text(anchor);
            if (title.Length == 0)
            {
                title = anchor.GetAttribute("title") ?? anchor.QuerySelector("img")?.GetAttribute("alt") ?? "";
            }

            entries.Add(new ListEntry(url, title.Trim(), DateOf(text, today), text));
        }

        entries.AddRange(ScriptEntries(document, baseUrl, today));
        return entries;
    }

    /// <summary>The date of a line: a labelled one (发布时间, 发布日期) first, else the first date shown.</summary>
    private static DateOnly? DateOf(string text, DateOnly today) => DisplayedDates.OfLine(text, today);

    // Walks up only through elements that hold this link alone, and those belong to one link each: every element
    // is passed once for the whole page.
    private static IElement Line(IElement anchor, IElement body, PageLayout layout)
    {
        IElement line = anchor;
        for (var e = anchor.ParentElement; e is not null && e != body; e = e.ParentElement)
        {
            var held = layout.LinksIn(e);
            if (e.LocalName is "li" or "tr" or "dl" || e.ClassList.Any(c => c is "row" or "item" or "list-item"))
            {
                return held <= MaxLinksPerLine ? e : line;
            }

            if (held > 1)
            {
                break;
            }

            line = e;
        }

        return line;
    }

    /// <summary>Lists that exist only as data for a script (<c>var listData = [{title, url, date}]</c>).</summary>
    private static IEnumerable<ListEntry> ScriptEntries(IHtmlDocument document, string baseUrl, DateOnly today)
    {
        foreach (var script in document.Scripts)
        {
            var code = script.Text;
            var at = code.IndexOf("listData", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var start = code.IndexOf('[', at);
            if (start < 0)
            {
                continue;
            }

            JsonElement data;
            try
            {
                var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(code[start..]), new JsonReaderOptions { AllowTrailingCommas = true });
                data = JsonElement.ParseValue(ref reader);
            }
            catch (JsonException)
            {
                continue;
            }

            if (data.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var item in data.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var href = Field(item, "url", "href", "link");
                var url = SitePages.Resolve(baseUrl, href);
                if (url is null)
                {
                    continue;
                }

                var date = Field(item, "date", "time", "pubDate", "pubdate");
                yield return new ListEntry(url, Field(item, "title", "name") ?? "", date is null ? null : DateOf(date, today), date ?? "");
            }
        }
    }

    private static string? Field(JsonElement item, params string[] names)
    {
        foreach (var name in names)
        {
            if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }
}
