using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GovEval.Collect.Fetching;
using GovEval.Core.Observations;
using GovEval.Core.Text;

namespace GovEval.Collect.Probes;

/// <summary>
/// Tries site search the way the national check does: find the search form on the homepage, search the newest
/// dated item title linked from the homepage, and record the results page's links. No form: /search?q= is tried
/// too. The probe records what it submitted and what the results listed (<see cref="SearchProbe"/>); whether that
/// is a working search is the checks' decision (search.missing, search.not-found), so it can be taken again from a
/// stored probe when the rule changes. A scanner fault on the results page is in the outcome: the rule is not measured.
/// </summary>
public sealed class SearchProber(Fetcher fetcher)
{
    /// <summary>
    /// Links of a results page recorded at most (the rest are counted): a resource limit of the probe, not a reading
    /// of the rules. A results page lists tens of links; a hostile one may hold a million, each kept in the stored probe.
    /// </summary>
    public const int MaxResultLinks = 1000;

    private static readonly string[] QueryNames = ["q", "query", "keyword", "keywords", "searchword", "wd", "kw", "key", "word", "text", "searchtext"];

    public async Task<SearchProbe> ProbeAsync(string homepage, string? homepageHtml, string? homepageFinalUrl, DateTimeOffset now, CancellationToken cancel = default)
    {
        var baseUrl = new Uri(homepageFinalUrl ?? homepage);
        if (homepageHtml is null)
        {
            var home = await fetcher.GetAsync(homepage, cancel).ConfigureAwait(false);
            if (home.Html is null)
            {
                return new SearchProbe(false, null, home.Outcome.FinalUrl ?? homepage, null, null, null, null, [], home.Outcome, null, 0);
            }

            homepageHtml = home.Html;
            baseUrl = new Uri(home.Outcome.FinalUrl ?? homepage);
        }

        // Parsed so that the site's budget or the command's cancellation stops it: AngleSharp takes the square of
        // the depth of a deeply nested page.
        var document = await new HtmlParser().ParseDocumentAsync(homepageHtml, cancel).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(now.Date);
        var newest = NewestItem(document, baseUrl, today, cancel);
        var form = FindForm(document);
        var formUrl = form is null ? null : Action(form, baseUrl);
        if (newest is null)
        {
            return new SearchProbe(form is not null, formUrl, baseUrl.AbsoluteUri, null, null, null, null, [], null, null, 0);
        }

        string method;
        string submitted;
        List<SearchField> fields;
        FetchResult results;
        if (form is not null)
        {
            var field = QueryField(form)!;
            fields = form.QuerySelectorAll("input[type=hidden][name]").Cast<IHtmlInputElement>()
                .Select(i => new SearchField(i.Name!, i.Value)).ToList();
            fields.Add(new SearchField(field, newest.Title));
            if (string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase))
            {
                method = "POST";
                submitted = formUrl!;
                results = await fetcher.FetchAsync(submitted, new FetchRequest
                {
                    Method = "POST",
                    Form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList(),
                }, cancel).ConfigureAwait(false);
            }
            else
            {
                method = "GET";
                var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}"));
                submitted = formUrl + (formUrl!.Contains('?') ? "&" : "?") + query;
                results = await fetcher.GetAsync(submitted, cancel).ConfigureAwait(false);
            }
        }
        else
        {
            method = "GET";
            fields = [new SearchField("q", newest.Title)];
            submitted = $"{new Uri(baseUrl, "/search").AbsoluteUri}?q={Uri.EscapeDataString(newest.Title)}";
            results = await fetcher.GetAsync(submitted, cancel).ConfigureAwait(false);
        }

        var (links, count) = results.Html is null ? (null, 0) : ResultLinks(results.Html, new Uri(results.Outcome.FinalUrl ?? submitted), cancel);
        return new SearchProbe(form is not null, formUrl, baseUrl.AbsoluteUri, newest.Title, newest.Url, method, submitted, fields, results.Outcome, links, count);
    }

    /// <summary>The newest dated item linked from the homepage (the date beside the link, else the one in its URL).</summary>
    public static DatedLink? NewestItem(IDocument document, Uri baseUrl, DateOnly today, CancellationToken cancel = default)
    {
        DatedLink? newest = null;
        var rows = AnchorRows.Read(document);
        foreach (var anchor in document.QuerySelectorAll("a[href]").OfType<IHtmlAnchorElement>())
        {
            cancel.ThrowIfCancellationRequested();
            var title = (anchor.GetAttribute("title") ?? anchor.TextContent).Trim().TrimEnd('.', '…').Trim();
            if (title.Length < 4 || !Uri.TryCreate(baseUrl, anchor.GetAttribute("href"), out var target) || target.Host != baseUrl.Host)
            {
                continue;
            }

            var date = RowDate(anchor, rows, today) ?? DisplayedDates.FromUrl(target.AbsolutePath);
            if (date is { } d && d <= today && (newest is null || d > newest.Date))
            {
                newest = new DatedLink(title, target.GetLeftPart(UriPartial.Query), d);
            }
        }

        return newest;
    }

    // The date sits in the same list row as the link (li, tr, dl, a grid row), outside the link text.
    private static DateOnly? RowDate(IElement anchor, AnchorRows rows, DateOnly today)
    {
        var row = rows.RowOf(anchor) ?? anchor.ParentElement;
        if (row is null || rows.LinksIn(row) > 2)
        {
            return null;
        }

        var text = row.TextContent.Replace(anchor.TextContent, " ", StringComparison.Ordinal);
        return DisplayedDates.OfLine(text, today);
    }

    /// <summary>
    /// Each link's row (its closest li, tr, dl, .row or p, itself included) and how many links an element holds (up
    /// to 3), read in one walk of the page. Asking each link's row for its links queried the row once per link: a
    /// homepage of 20,000 links in one block took minutes.
    /// </summary>
    private sealed class AnchorRows
    {
        private readonly Dictionary<IElement, IElement> rows = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<IElement, int> links = new(ReferenceEqualityComparer.Instance);

        public IElement? RowOf(IElement anchor) => rows.GetValueOrDefault(anchor);

        public int LinksIn(IElement element) => links.GetValueOrDefault(element);

        public static AnchorRows Read(IDocument document)
        {
            var read = new AnchorRows();
            if (document.DocumentElement is not { } root)
            {
                return read;
            }

            var stack = new Stack<(IElement Element, IElement? Row, bool Leaving)>();
            stack.Push((root, null, false));
            while (stack.Count > 0)
            {
                var (element, row, leaving) = stack.Pop();
                var children = element.ChildNodes;
                if (leaving)
                {
                    var count = IsLink(element) ? 1 : 0;
                    for (var i = 0; i < children.Length && count < 3; i++)
                    {
                        if (children[i] is IElement child)
                        {
                            count += read.links.GetValueOrDefault(child);
                        }
                    }

                    if (count > 0)
                    {
                        read.links[element] = Math.Min(count, 3);
                    }

                    continue;
                }

                row = IsRow(element) ? element : row;
                if (row is not null && IsLink(element))
                {
                    read.rows[element] = row;
                }

                stack.Push((element, row, true));
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    if (children[i] is IElement child)
                    {
                        stack.Push((child, row, false));
                    }
                }
            }

            return read;
        }

        private static bool IsLink(IElement element) => element.LocalName == "a" && element.HasAttribute("href");

        private static bool IsRow(IElement element) =>
            element.LocalName is "li" or "tr" or "dl" or "p" || element.ClassList.Contains("row");
    }

    private static IHtmlFormElement? FindForm(IDocument document)
    {
        var forms = document.Forms.Where(f => QueryField(f) is not null).ToList();
        return forms.FirstOrDefault(f => (f.Action ?? "").Contains("search", StringComparison.OrdinalIgnoreCase)
                || (f.ClassName ?? "").Contains("search", StringComparison.OrdinalIgnoreCase)
                || f.QuerySelector("input[type=search]") is not null)
            ?? forms.FirstOrDefault(f => f.QuerySelectorAll("input:not([type=hidden])").Length == 1);
    }

    private static string? QueryField(IHtmlFormElement form)
    {
        var inputs = form.QuerySelectorAll("input[name]").Cast<IHtmlInputElement>()
            .Where(i => i.Type is "text" or "search" or "" || i.GetAttribute("type") is null).ToList();
        return inputs.FirstOrDefault(i => QueryNames.Contains(i.Name!.ToLowerInvariant()))?.Name ?? inputs.FirstOrDefault()?.Name;
    }

    private static string Action(IHtmlFormElement form, Uri baseUrl)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrWhiteSpace(action) ? baseUrl.AbsoluteUri : new Uri(baseUrl, action).AbsoluteUri;
    }

    /// <summary>
    /// The results page's distinct anchor links in document order, resolved against the page (or its base href),
    /// at most <see cref="MaxResultLinks"/>, and how many distinct ones it held.
    /// </summary>
    private static (List<SearchResultLink> Links, int Count) ResultLinks(string html, Uri page, CancellationToken cancel)
    {
        var extracted = Crawling.LinkExtractor.Extract(html, out var baseHref);
        var root = baseHref is not null && Uri.TryCreate(page, baseHref, out var declared) ? declared : page;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<SearchResultLink>();
        foreach (var link in extracted)
        {
            cancel.ThrowIfCancellationRequested();
            if (link.Source != LinkSource.Anchor || !Uri.TryCreate(root, link.Reference, out var target) || target.Scheme is not ("http" or "https"))
            {
                continue;
            }

            var url = target.GetLeftPart(UriPartial.Query);
            if (seen.Add(url) && links.Count < MaxResultLinks)
            {
                links.Add(new SearchResultLink(url, link.Text));
            }
        }

        return (links, seen.Count);
    }
}
