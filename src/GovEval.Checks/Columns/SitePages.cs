using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using GovEval.Core.Observations;

namespace GovEval.Checks.Columns;

/// <summary>
/// Finding pages of one site's observations by URL, whichever form the crawler recorded (the URL it asked for or
/// the one it ended on after an HTTP→HTTPS redirect), and reading the parts of a page every family needs.
/// </summary>
public static class SitePages
{
    /// <summary>The homepage as fetched: the page at depth 0, else the one whose URL is the given homepage.</summary>
    public static PageObservation? Homepage(SiteObservation observation)
    {
        var wanted = UrlNormalizer.Normalize(observation.Homepage);
        return observation.Pages.FirstOrDefault(p => p.Depth == 0)
            ?? observation.Pages.FirstOrDefault(p => SameUrl(p.Url, wanted) || (p.Outcome.FinalUrl is { } f && SameUrl(f, wanted)));
    }

    /// <summary>Every spelling of the homepage's URL (as given, as requested, as ended on), normalised.</summary>
    public static HashSet<string> HomepageUrls(SiteObservation observation)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal) { UrlNormalizer.Normalize(observation.Homepage) };
        if (Homepage(observation) is { } home)
        {
            urls.Add(UrlNormalizer.Normalize(home.Url));
            if (home.Outcome.FinalUrl is { } final)
            {
                urls.Add(UrlNormalizer.Normalize(final));
            }
        }

        return urls;
    }

    /// <summary>The URL relative links of a page resolve against: where the fetch ended.</summary>
    public static string BaseUrl(PageObservation page) => page.Outcome.FinalUrl ?? page.Url;

    /// <summary>Pages by normalised URL (requested and final), first fetch wins.</summary>
    public static Dictionary<string, PageObservation> ByUrl(SiteObservation observation)
    {
        var pages = new Dictionary<string, PageObservation>(StringComparer.Ordinal);
        foreach (var page in observation.Pages)
        {
            pages.TryAdd(UrlNormalizer.Normalize(page.Url), page);
            if (page.Outcome.FinalUrl is { } final)
            {
                pages.TryAdd(UrlNormalizer.Normalize(final), page);
            }
        }

        return pages;
    }

    public static bool SameUrl(string a, string normalisedB) => UrlNormalizer.Normalize(a) == normalisedB;

    /// <summary>An href resolved against the page, or null for fragments, scripts, mail and phone links.</summary>
    public static string? Resolve(string baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || !Uri.TryCreate(root, href, out var target)
            || target.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return UrlNormalizer.Normalize(target.GetLeftPart(UriPartial.Query));
    }

    /// <summary>The content of a named meta tag (ColumnName, ArticleTitle, PubDate…), case-insensitive; the first of a name wins.</summary>
    public static string? Meta(IHtmlDocument document, string name) => MetaTags.GetValue(document, Tags).GetValueOrDefault(name);

    // Families ask a page's meta tags once per link to it: read them once per document, not a query each time.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IHtmlDocument, Dictionary<string, string?>> MetaTags = new();

    private static Dictionary<string, string?> Tags(IHtmlDocument document)
    {
        var tags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta[name]"))
        {
            tags.TryAdd(meta.GetAttribute("name")!, meta.GetAttribute("content")?.Trim());
        }

        return tags;
    }

    /// <summary>An item page (article, message, guide): it carries the article tags of the metadata standard.</summary>
    public static bool IsItemPage(IHtmlDocument document) =>
        !string.IsNullOrEmpty(Meta(document, "ArticleTitle")) || !string.IsNullOrEmpty(Meta(document, "PubDate"));

    private static readonly string[] ChromePrefixes =
        ["nav", "menu", "foot", "crumb", "bread", "pager", "pagination", "paging", "header", "copyright", "bottom", "position", "location", "sort"];

    /// <summary>
    /// Whether an element sits in the page's frame (navigation, header, footer, breadcrumb, pager) rather than
    /// its content: dates there (a footer's 更新时间) are not items and links there are not list entries.
    /// </summary>
    public static bool InChrome(IElement element) => In(element, PageRegion.Chrome);

    /// <summary>Whether the element itself is frame: nav, header, footer, or a class or id that says so.</summary>
    public static bool IsChrome(IElement e)
    {
        if (e.LocalName is "nav" or "header" or "footer")
        {
            return true;
        }

        foreach (var token in Tokens(e))
        {
            // Not "page": many templates wrap the whole body in div.page.
            if (token is "top" or "head" || ChromePrefixes.Any(p => token.StartsWith(p, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the element is (inside) the site's navigation, where columns are linked from.</summary>
    public static bool InNavigation(IElement element) => In(element, PageRegion.Navigation);

    /// <summary>Whether the element itself is navigation (nav, a class or id starting with nav or menu).</summary>
    public static bool IsNavigation(IElement e) =>
        e.LocalName == "nav" || Tokens(e).Any(t => t.StartsWith("nav", StringComparison.Ordinal) || t.StartsWith("menu", StringComparison.Ordinal));

    /// <summary>Whether the element is (inside) a breadcrumb (当前位置：首页 &gt; 栏目), which links the page's columns.</summary>
    public static bool InBreadcrumb(IElement element) => In(element, PageRegion.Breadcrumb);

    /// <summary>Whether the element itself is a breadcrumb (crumb, bread, position, location).</summary>
    public static bool IsBreadcrumb(IElement e) =>
        Tokens(e).Any(t => t.StartsWith("crumb", StringComparison.Ordinal) || t.StartsWith("bread", StringComparison.Ordinal)
            || t.StartsWith("position", StringComparison.Ordinal) || t.StartsWith("location", StringComparison.Ordinal));

    // Read from the document's layout, computed once: walking every link's ancestors cost depth × links.
    private static bool In(IElement element, PageRegion region) => (PageLayout.Of(element.Owner!).RegionOf(element) & region) != 0;

    private static IEnumerable<string> Tokens(IElement e)
    {
        foreach (var token in e.ClassList)
        {
            yield return token.ToLowerInvariant();
        }

        if (e.Id is { Length: > 0 } id)
        {
            yield return id.ToLowerInvariant();
        }
    }

    /// <summary>
    /// The text as a browser lays it out: text nodes separated by spaces, so adjacent table cells and list items
    /// never run together (a date cell followed by a number cell).
    /// </summary>
    public static string Text(INode node, INode? except = null)
    {
        var parts = new List<string>();
        Collect(node, except, parts);
        return string.Join(' ', parts);
    }

    private static void Collect(INode node, INode? except, List<string> parts)
    {
        // An explicit stack: a hostile page nests tens of thousands of elements, more than the call stack holds.
        var stack = new Stack<INode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if ((except is not null && ReferenceEquals(current, except)) || current is IElement { LocalName: "script" or "style" })
            {
                continue;
            }

            if (current.NodeType == NodeType.Text)
            {
                var text = current.TextContent.Trim();
                if (text.Length > 0)
                {
                    parts.Add(text);
                }

                continue;
            }

            var children = current.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }
}
