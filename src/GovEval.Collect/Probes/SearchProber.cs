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

        var document = new HtmlParser().ParseDocument(homepageHtml);
        var today = DateOnly.FromDateTime(now.Date);
        var newest = NewestItem(document, baseUrl, today);
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
    public static DatedLink? NewestItem(IDocument document, Uri baseUrl, DateOnly today)
    {
        DatedLink? newest = null;
        foreach (var anchor in document.QuerySelectorAll("a[href]").OfType<IHtmlAnchorElement>())
        {
            var title = (anchor.GetAttribute("title") ?? anchor.TextContent).Trim().TrimEnd('.', '…').Trim();
            if (title.Length < 4 || !Uri.TryCreate(baseUrl, anchor.GetAttribute("href"), out var target) || target.Host != baseUrl.Host)
            {
                continue;
            }

            var date = RowDate(anchor, today) ?? DisplayedDate.FromUrl(target.AbsolutePath);
            if (date is { } d && d <= today && (newest is null || d > newest.Date))
            {
                newest = new DatedLink(title, target.GetLeftPart(UriPartial.Query), d);
            }
        }

        return newest;
    }

    // The date sits in the same list row as the link (li, tr, dl, a grid row), outside the link text.
    private static DateOnly? RowDate(IElement anchor, DateOnly today)
    {
        var row = anchor.Closest("li, tr, dl, .row, p") ?? anchor.ParentElement;
        if (row is null || row.QuerySelectorAll("a[href]").Length > 2)
        {
            return null;
        }

        var text = row.TextContent.Replace(anchor.TextContent, " ", StringComparison.Ordinal);
        return DisplayedDate.Parse(text, today);
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
