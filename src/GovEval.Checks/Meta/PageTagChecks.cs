using System.Globalization;
using AngleSharp.Dom;
using GovEval.Checks.Text;
using GovEval.Core.Observations;

namespace GovEval.Checks.Meta;

/// <summary>
/// meta.page-tags: 政府网站发展指引 asks every article page for ArticleTitle, PubDate (YYYY-MM-DD HH:MM) and
/// ContentSource meta tags; lists, the homepage and service pages carry ColumnName/ColumnType and are not judged.
/// One finding per page (url = the page).
/// </summary>
public sealed class PageTagChecks : ICheckFamily
{
    public const string PageTags = "meta.page-tags";

    private static readonly string[] ArticleTags = ["ArticleTitle", "PubDate", "ContentSource"];

    public IReadOnlyList<string> Rules { get; } = [PageTags];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var pages = new List<(string Url, Dictionary<string, string> Tags)>();
        foreach (var (url, page) in SitePages.WithHtml(observation))
        {
            context.Cancel.ThrowIfCancellationRequested();
            if (context.Document(page) is { } document)
            {
                pages.Add((url, Tags(document)));
            }
        }

        // Templates whose pages carry article tags: a sibling without any tag is an item that lost them all.
        var taggedTemplates = pages.Where(p => ArticleTags.Any(p.Tags.ContainsKey))
            .Select(p => ItemPages.Template(p.Url))
            .ToHashSet(StringComparer.Ordinal);

        var findings = new List<Finding>();
        var items = 0;
        foreach (var (url, tags) in pages)
        {
            var isItem = ItemPages.HasItemAddress(url) || ArticleTags.Any(tags.ContainsKey) || taggedTemplates.Contains(ItemPages.Template(url));
            if (!isItem)
            {
                continue;
            }

            items++;
            var problems = Problems(tags);
            if (problems.Count > 0)
            {
                findings.Add(new Finding(PageTags, Severity.Warning, url, url, $"文章页元数据不规范：{string.Join("；", problems)}"));
            }
        }

        var measurements = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["meta.itemPages"] = items };
        return new CheckResult(findings, measurements, []);
    }

    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> tags)
    {
        var problems = new List<string>();
        var missing = ArticleTags.Where(t => !tags.TryGetValue(t, out var v) || v.Length == 0).ToList();
        if (missing.Count > 0)
        {
            problems.Add("缺少" + string.Join("、", missing));
        }

        if (tags.TryGetValue("PubDate", out var pubDate) && pubDate.Length > 0
            && !DateTime.TryParseExact(pubDate, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problems.Add($"PubDate“{pubDate}”应为YYYY-MM-DD HH:MM格式");
        }

        return problems;
    }

    /// <summary>The page's named meta tags (first of each name, names case-insensitive, values trimmed).</summary>
    public static Dictionary<string, string> Tags(IDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta[name]"))
        {
            var name = meta.GetAttribute("name")!.Trim();
            if (name.Length > 0)
            {
                tags.TryAdd(name, (meta.GetAttribute("content") ?? "").Trim());
            }
        }

        return tags;
    }
}
