using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using GovEval.Core.Observations;

namespace GovEval.Checks.Columns;

/// <summary>
/// Discovers a site's columns and reads how fresh each one is, for the derived fact <see cref="SiteColumns"/> (every
/// reader requests that, so the columns are discovered once per site). Columns come from the homepage navigation
/// and from list pages that name their column (ColumnName meta without article tags); pages of one list
/// (index.html, index_1.html…) are one column; items are read from every list page, dated by the list or, when the
/// list shows no date, by the item page's PubDate.
/// </summary>
public static partial class ColumnFreshness
{

    private sealed class Candidate(string url, string? name)
    {
        public string Url { get; set; } = url;
        public string? Name { get; set; } = name;
        public string? MetaName { get; set; }
        public ColumnClass? MetaClass { get; set; }
        public List<PageObservation> Pages { get; } = [];
    }

    internal static IReadOnlyList<SiteColumn> Discover(SiteObservation observation, CheckContext context)
    {
        var today = Today(observation);
        var byUrl = SitePages.ByUrl(observation);
        var homeUrls = SitePages.HomepageUrls(observation);
        var home = SitePages.Homepage(observation);
        var homeHost = HostOf(home is null ? observation.Homepage : SitePages.BaseUrl(home));
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var order = new List<string>();

        void Add(string url, string? name)
        {
            var key = Key(url);
            if (!candidates.TryGetValue(key, out var candidate))
            {
                candidates[key] = candidate = new Candidate(FirstPage(url), name);
                order.Add(key);
            }
            else
            {
                candidate.Name ??= name;
            }
        }

        // 1. The homepage navigation links every first-level column's first list page.
        if (home is not null && context.Document(home) is { } homeDocument)
        {
            foreach (var anchor in homeDocument.QuerySelectorAll("a[href]").Where(SitePages.InNavigation))
            {
                context.Cancel.ThrowIfCancellationRequested();
                var url = SitePages.Resolve(SitePages.BaseUrl(home), anchor.GetAttribute("href"));
                var name = SitePages.Text(anchor).Trim();
                if (url is null || homeUrls.Contains(url) || HostOf(url) != homeHost || name.Length == 0 || ColumnClassifier.IsServices(name))
                {
                    continue;
                }

                Add(url, name);
            }
        }

        // 2. Links that name a column elsewhere: block headings of the homepage (政务要闻 更多>>) and breadcrumbs of
        // every page (sub-columns the navigation does not show). Only list pages that were read qualify, so an
        // article that happens to be titled 通知公告 is no column.
        bool IsListPage(string url) =>
            byUrl.TryGetValue(url, out var page) && context.Document(page) is { } document && !SitePages.IsItemPage(document);

        void AddNamedLinks(PageObservation page, Func<AngleSharp.Dom.IElement, bool> where)
        {
            if (context.Document(page) is not { } document)
            {
                return;
            }

            foreach (var anchor in document.QuerySelectorAll("a[href]").Where(where))
            {
                context.Cancel.ThrowIfCancellationRequested();
                var url = SitePages.Resolve(SitePages.BaseUrl(page), anchor.GetAttribute("href"));
                var name = SitePages.Text(anchor).Trim();
                if (url is null || homeUrls.Contains(url) || HostOf(url) != homeHost || name.Length is < 2 or > 10
                    || ColumnClassifier.IsServices(name) || ColumnClassifier.Classify(name) == ColumnClass.Other || !IsListPage(url))
                {
                    continue;
                }

                Add(url, name);
            }
        }

        if (home is not null)
        {
            AddNamedLinks(home, a => !SitePages.InChrome(a));
        }

        foreach (var page in observation.Pages)
        {
            AddNamedLinks(page, SitePages.InBreadcrumb);
        }

        // 3. List pages that name their column (ColumnName without article tags), navigation or not; then every
        // list page joins its column (a second pass, so page order does not matter).
        var listPages = new List<(PageObservation Page, string Url, string? Name, string? Type)>();
        foreach (var page in observation.Pages)
        {
            context.Cancel.ThrowIfCancellationRequested();
            if (context.Document(page) is not { } document || SitePages.IsItemPage(document) || homeUrls.Contains(UrlNormalizer.Normalize(page.Url)))
            {
                continue;
            }

            var columnName = SitePages.Meta(document, "ColumnName");
            var url = UrlNormalizer.Normalize(SitePages.BaseUrl(page));
            if (HostOf(url) != homeHost || (string.IsNullOrEmpty(columnName) && !PagedFile().IsMatch(FileOf(url))))
            {
                continue;
            }

            if (!string.IsNullOrEmpty(columnName) && !ColumnClassifier.IsServices(columnName))
            {
                Add(url, columnName);
            }

            listPages.Add((page, url, columnName, SitePages.Meta(document, "ColumnType")));
        }

        foreach (var (page, url, columnName, type) in listPages)
        {
            if (candidates.TryGetValue(Key(url), out var candidate))
            {
                candidate.Pages.Add(page);
                candidate.MetaName ??= string.IsNullOrEmpty(columnName) ? null : columnName;
                candidate.MetaClass ??= ColumnClasses.Parse(type);
            }
        }

        var columns = new List<SiteColumn>();
        foreach (var key in order)
        {
            var candidate = candidates[key];
            if (Read(candidate, byUrl, context, today) is { } column)
            {
                columns.Add(column);
            }
        }

        return columns;
    }

    private static SiteColumn? Read(Candidate candidate, Dictionary<string, PageObservation> byUrl, CheckContext context, DateOnly today)
    {
        byUrl.TryGetValue(candidate.Url, out var first);
        var firstDocument = first is null ? null : context.Document(first);
        if (firstDocument is not null && SitePages.IsItemPage(firstDocument))
        {
            return null; // an article linked from the navigation (信息公开指南), not a list
        }

        var name = candidate.MetaName ?? candidate.Name ?? "";
        var byName = ColumnClassifier.Classify(name);
        var cls = byName == ColumnClass.Other && candidate.MetaClass is { } declared ? declared : byName;
        var status = first is null || first.Outcome.IsUnknown ? ColumnStatus.NotFetched
            : first.Outcome.IsSiteFault || firstDocument is null ? ColumnStatus.SiteFault
            : ColumnStatus.Read;
        if (status != ColumnStatus.Read && cls == ColumnClass.Other)
        {
            return null; // nothing says this link is a column at all
        }

        var entries = new List<ListEntry>();
        var pages = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unresolved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in candidate.Pages.Append(first).OfType<PageObservation>().Distinct())
        {
            if (context.Document(page) is not { } document || !seen.Add(UrlNormalizer.Normalize(SitePages.BaseUrl(page))))
            {
                continue;
            }

            pages.Add(page.Url);
            foreach (var entry in ListItems.Read(document, SitePages.BaseUrl(page), today, context.Cancel))
            {
                if (IsItem(entry, candidate.Url, byUrl, context))
                {
                    entries.Add(Dated(entry, byUrl, context));
                }
                else if (MayBeItem(entry, candidate.Url, byUrl))
                {
                    unresolved.Add(entry.Url);
                }
            }
        }

        var items = entries.GroupBy(e => e.Url, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(e => e.Date is not null) ?? g.First())
            .ToList();
        var latest = items.Where(e => e.Date is { } d && d <= today).Select(e => e.Date).Max();
        return new SiteColumn(candidate.Url, name, cls, items.Count, latest, status, items, pages, unresolved.Count);
    }

    /// <summary>
    /// A list line is an item when it shows a date or links a page with article tags; other links in the content
    /// (我要写信, 更多, attachments of the column's description) are not.
    /// </summary>
    private static bool IsItem(ListEntry entry, string columnUrl, Dictionary<string, PageObservation> byUrl, CheckContext context)
    {
        if (entry.Url == columnUrl || Key(entry.Url) == Key(columnUrl) && PagedFile().IsMatch(FileOf(entry.Url)))
        {
            return false;
        }

        if (entry.Date is not null)
        {
            return true;
        }

        return byUrl.TryGetValue(entry.Url, out var page) && context.Document(page) is { } document && SitePages.IsItemPage(document);
    }

    /// <summary>An undated line linking a page of the same site that was not fetched: perhaps an item.</summary>
    private static bool MayBeItem(ListEntry entry, string columnUrl, Dictionary<string, PageObservation> byUrl) =>
        !byUrl.ContainsKey(entry.Url) && HostOf(entry.Url) == HostOf(columnUrl) && entry.Title.Length >= 4
        && Key(entry.Url) != Key(columnUrl);

    private static ListEntry Dated(ListEntry entry, Dictionary<string, PageObservation> byUrl, CheckContext context)
    {
        if (entry.Date is not null || !byUrl.TryGetValue(entry.Url, out var page) || context.Document(page) is not { } document)
        {
            return entry;
        }

        return entry with { Date = Core.Text.DisplayedDates.PubDate(SitePages.Meta(document, "PubDate")) };
    }

    /// <summary>"Today" on the observation's clock (the offset it was given in, as the sites' own dates are).</summary>
    public static DateOnly Today(SiteObservation observation) => DateOnly.FromDateTime(observation.Now.DateTime);

    /// <summary>
    /// Pages of one list share a key: index.html, index_1.html and their sorted views (?sort=…) are one list;
    /// list.jsp?catid=5 and list.jsp?catid=6 are two.
    /// </summary>
    internal static string Key(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        var path = uri.AbsolutePath;
        var slash = path.LastIndexOf('/');
        var file = path[(slash + 1)..];
        var stem = PagedFile().IsMatch(file) ? file[..file.IndexOfAny(['_', '.'])].ToLowerInvariant() : file;
        return $"{uri.Scheme}://{uri.Authority}".ToLowerInvariant() + path[..(slash + 1)] + stem + ListQuery(uri);
    }

    /// <summary>The first page of a paged list: index_3.html → index.html, without paging or sorting parameters.</summary>
    internal static string FirstPage(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        var path = uri.AbsolutePath;
        var slash = path.LastIndexOf('/');
        var file = path[(slash + 1)..];
        var match = PagedFile().Match(file);
        var first = match.Success ? file[..file.IndexOfAny(['_', '.'])] + match.Groups["ext"].Value : file;
        return UrlNormalizer.Normalize($"{uri.Scheme}://{uri.Authority}{path[..(slash + 1)]}{first}{ListQuery(uri)}");
    }

    /// <summary>The query without the parameters that page or sort a list.</summary>
    private static string ListQuery(Uri uri)
    {
        var kept = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair =>
            {
                var name = pair.Split('=')[0].ToLowerInvariant();
                return !(name.StartsWith("sort", StringComparison.Ordinal) || name.StartsWith("order", StringComparison.Ordinal)
                    || name.StartsWith("page", StringComparison.Ordinal) || name is "p" or "pn" or "pageno" or "curpage" or "start");
            })
            .ToList();
        return kept.Count == 0 ? "" : "?" + string.Join('&', kept);
    }

    private static string FileOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath[(uri.AbsolutePath.LastIndexOf('/') + 1)..] : url;

    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host.ToLowerInvariant() : "";

    [GeneratedRegex(@"^(?:index|list|default)(?<page>_\d+)?(?<ext>\.s?html?|\.jsp|\.php|\.aspx?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PagedFile();
}
