using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GovEval.Collect.Fetching;
using GovEval.Core.Observations;

namespace GovEval.Collect.Probes;

/// <summary>
/// Tests site search the way the national check does: find the search form on the homepage, search the newest
/// dated item title linked from the homepage, and see whether the results link that item. No form: /search?q=
/// is tried too. A scanner fault on the results page is reported in the outcome, so the rule is not measured.
/// </summary>
public sealed class SearchProber(Fetcher fetcher)
{
    private static readonly string[] QueryNames = ["q", "query", "keyword", "keywords", "searchword", "wd", "kw", "key", "word", "text", "searchtext"];

    public async Task<SearchProbe> ProbeAsync(string homepage, string? homepageHtml, string? homepageFinalUrl, DateTimeOffset now, CancellationToken cancel = default)
    {
        var baseUrl = new Uri(homepageFinalUrl ?? homepage);
        if (homepageHtml is null)
        {
            var home = await fetcher.GetAsync(homepage, cancel).ConfigureAwait(false);
            if (home.Html is null)
            {
                return new SearchProbe(false, null, null, null, null, home.Outcome);
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
        if (newest is null)
        {
            return new SearchProbe(form is not null, form is null ? null : Action(form, baseUrl), null, null, null, null);
        }

        FetchResult results;
        string formUrl;
        bool formFound;
        if (form is not null)
        {
            formFound = true;
            formUrl = Action(form, baseUrl);
            var field = QueryField(form)!;
            var hidden = form.QuerySelectorAll("input[type=hidden][name]").Cast<IHtmlInputElement>()
                .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
            hidden.Add(new KeyValuePair<string, string>(field, newest.Title));
            if (string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase))
            {
                results = await fetcher.FetchAsync(formUrl, new FetchRequest { Method = "POST", Form = hidden }, cancel).ConfigureAwait(false);
            }
            else
            {
                var query = string.Join("&", hidden.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
                var separator = formUrl.Contains('?') ? "&" : "?";
                results = await fetcher.GetAsync(formUrl + separator + query, cancel).ConfigureAwait(false);
            }
        }
        else
        {
            formFound = false;
            formUrl = new Uri(baseUrl, "/search").AbsoluteUri;
            results = await fetcher.GetAsync($"{formUrl}?q={Uri.EscapeDataString(newest.Title)}", cancel).ConfigureAwait(false);
            // A /search that answers with the homepage (a missing page redirected home) is no search either.
            if (results.Outcome.Status != FetchStatus.Ok || LandsOnHomepage(results.Outcome, homepage, baseUrl))
            {
                return new SearchProbe(false, null, newest.Title, newest.Url, null, results.Outcome);
            }
        }

        bool? found = results.Outcome.Status == FetchStatus.Ok && results.Html is not null
            ? !LandsOnHomepage(results.Outcome, homepage, baseUrl)
                && Links(results.Html, new Uri(results.Outcome.FinalUrl ?? formUrl)).Any(u => SameResource(u, newest.Url))
            : null;
        return new SearchProbe(formFound, formUrl, newest.Title, newest.Url, found, results.Outcome);
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

            var date = RowDate(anchor, rows, today) ?? DisplayedDate.FromUrl(target.AbsolutePath);
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
        return DisplayedDate.Parse(text, today);
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

    private static IEnumerable<Uri> Links(string html, Uri page)
    {
        foreach (var link in Crawling.LinkExtractor.Extract(html, out _))
        {
            if (link.Source == LinkSource.Anchor && Uri.TryCreate(page, link.Reference, out var target))
            {
                yield return target;
            }
        }
    }

    /// <summary>
    /// A search that ends on the homepage (a missing /search redirected home, a form posting back to the homepage)
    /// found nothing: the homepage links the newest title anyway, and its links are no search result.
    /// </summary>
    private static bool LandsOnHomepage(FetchOutcome results, string homepage, Uri homepageFinal)
    {
        var landed = UrlNormalizer.Normalize(results.FinalUrl ?? results.Url);
        return landed == UrlNormalizer.Normalize(homepage) || landed == UrlNormalizer.Normalize(homepageFinal.AbsoluteUri);
    }

    // Results may link the item over the other scheme: host, path and query decide.
    private static bool SameResource(Uri candidate, string expected) =>
        Uri.TryCreate(expected, UriKind.Absolute, out var e)
        && string.Equals(candidate.Host, e.Host, StringComparison.OrdinalIgnoreCase)
        && candidate.AbsolutePath == e.AbsolutePath && candidate.Query == e.Query;
}
