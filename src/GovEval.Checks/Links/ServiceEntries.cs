using System.Text.RegularExpressions;
using AngleSharp.Dom;
using GovEval.Core.Observations;
using GovEval.Checks.Columns;

namespace GovEval.Checks.Links;

/// <summary>
/// The 办事服务 pages of a site and the online-service entries on them (网上申报系统, 办件进度查询, 在线预约…):
/// services.system-down counts a broken entry. A page is a 办事服务 page when its ColumnName says so or the
/// homepage navigation links it by that name; an entry is a link marked as an online service or named like a
/// system, never a 办事指南.
/// </summary>
public static partial class ServiceEntries
{
    /// <summary>The normalised URLs of the site's 办事服务 pages that were fetched.</summary>
    public static IReadOnlyList<PageObservation> Pages(SiteObservation observation, CheckContext context)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        if (SitePages.Homepage(observation) is { } home && context.Document(home) is { } homeDocument)
        {
            foreach (var anchor in homeDocument.QuerySelectorAll("a[href]"))
            {
                if (ColumnClassifier.IsServices(SitePages.Text(anchor)) && SitePages.Resolve(SitePages.BaseUrl(home), anchor.GetAttribute("href")) is { } url)
                {
                    named.Add(url);
                }
            }
        }

        var pages = new List<PageObservation>();
        foreach (var page in observation.Pages)
        {
            context.Cancel.ThrowIfCancellationRequested();
            if (context.Document(page) is not { } document)
            {
                continue;
            }

            var name = SitePages.Meta(document, "ColumnName");
            if (ColumnClassifier.IsServices(name) || named.Contains(UrlNormalizer.Normalize(page.Url))
                || (page.Outcome.FinalUrl is { } f && named.Contains(UrlNormalizer.Normalize(f))))
            {
                pages.Add(page);
            }
        }

        return pages;
    }

    /// <summary>Online-service entries (normalised target → the page listing it) on the 办事服务 pages.</summary>
    public static IReadOnlyDictionary<string, string> Find(SiteObservation observation, CheckContext context)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in Pages(observation, context))
        {
            var document = context.Document(page)!;
            foreach (var anchor in document.QuerySelectorAll("a[href]"))
            {
                if (SitePages.InChrome(anchor) || !IsEntry(anchor))
                {
                    continue;
                }

                if (SitePages.Resolve(SitePages.BaseUrl(page), anchor.GetAttribute("href")) is { } url)
                {
                    entries.TryAdd(url, page.Url);
                }
            }
        }

        return entries;
    }

    private static bool IsEntry(IElement anchor)
    {
        if (anchor.ClassList.Any(c => c.Contains("online", StringComparison.OrdinalIgnoreCase)
            || anchor.ParentElement?.ParentElement?.ClassList.Any(p => p.Contains("online", StringComparison.OrdinalIgnoreCase)) == true))
        {
            return true;
        }

        var text = SitePages.Text(anchor);
        return !text.Contains("指南", StringComparison.Ordinal) && SystemName().IsMatch(text);
    }

    [GeneratedRegex("系统|平台|在线办理|网上办理|网上申报|在线申报|网上申请|在线申请|进度查询|办件查询|结果查询|在线预约|网上预约|预约服务")]
    private static partial Regex SystemName();
}
