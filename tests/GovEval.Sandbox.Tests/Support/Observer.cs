using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;
using GovEval.Sandbox.Text;

namespace GovEval.Sandbox.Tests.Support;

/// <summary>
/// Reads a crawled site the way RULES.md defines its page-level rules and reports (rule, url) pairs. It is
/// deliberately independent of the site model: agreement with the truth shows the truth is observable.
/// </summary>
public static partial class Observer
{
    private static readonly HashSet<string> WrongForms = Dictionaries.ReliableMisusedWords.Concat(Dictionaries.OfficialTerms).Select(w => w.Wrong).ToHashSet(StringComparer.Ordinal);
    private static readonly int LongestWrong = WrongForms.Max(w => w.Length);
    private static readonly string[] Sensitive = Dictionaries.SensitiveTerms.Select(t => t.Word).ToArray();

    public static HashSet<(string Rule, string Url)> Observe(SandboxServer server, string host, List<CrawledPage> pages)
    {
        var found = new HashSet<(string, string)>();
        var homepage = pages[0];
        var homeLinks = homepage.Links.ToHashSet(StringComparer.Ordinal);
        var status = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var page in pages.Where(p => p.Document is not null))
        {
            var document = page.Document!;
            var text = VisibleText(document);
            if (ContainsWrongForm(text))
            {
                found.Add((RuleIds.ContentTypo, page.Url));
            }

            if (Sensitive.Any(s => text.Contains(s, StringComparison.Ordinal)))
            {
                found.Add((RuleIds.ContentSensitive, page.Url));
            }

            if (HasPii(text))
            {
                found.Add((RuleIds.PrivacyPii, page.Url));
            }

            if (IsItemPage(page.Url) && !TagsComplete(document))
            {
                found.Add((RuleIds.MetaPageTags, page.Url));
            }

            if (page.Url.StartsWith("https:", StringComparison.Ordinal) && document.QuerySelectorAll("img[src^='http:']").Length > 0)
            {
                found.Add((RuleIds.SecurityMixedContent, page.Url));
            }

            if (page.Url.Contains("/bsfw/bszn/", StringComparison.Ordinal) && Guide.Elements.Any(e => !text.Contains(e, StringComparison.Ordinal)))
            {
                found.Add((RuleIds.ServicesGuideElements, page.Url));
            }

            var onlineServices = document.QuerySelectorAll("a.online-service").Select(a => new Uri(new Uri(page.Url), a.GetAttribute("href")!).ToString()).ToHashSet();
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => new Uri(new Uri(page.Url), a.GetAttribute("href")!).ToString()).Distinct())
            {
                if (!status.TryGetValue(link, out var broken))
                {
                    status[link] = broken = Broken(server, link);
                }

                if (!broken)
                {
                    continue;
                }

                var rule = page == homepage || homeLinks.Contains(link) ? RuleIds.LinksBrokenHomepage
                    : onlineServices.Contains(link) ? RuleIds.ServicesSystemDown
                    : Regex.IsMatch(link, "\\.(pdf|doc|xls)$") ? RuleIds.DownloadsBroken
                    : RuleIds.LinksBroken;
                found.Add((rule, link));
            }
        }

        return found;
    }

    /// <summary>Text nodes joined by spaces, as a browser's rendering separates table cells and list items.</summary>
    public static string VisibleText(IDocument document) =>
        string.Join(" ", document.Body?.Descendants<IText>().Where(t => t.ParentElement?.LocalName is not ("script" or "style")).Select(t => t.Data) ?? []);

    public static bool Broken(SandboxServer server, string url)
    {
        var uri = new Uri(url);
        if (uri.Host.EndsWith(".invalid", StringComparison.Ordinal))
        {
            return true;
        }

        var fetched = InProcessClient.Get(server, url);
        return fetched.Status is < 0 or >= 400;
    }

    public static bool ContainsWrongForm(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            for (var length = 3; length <= LongestWrong && i + length <= text.Length; length++)
            {
                if (WrongForms.Contains(text.Substring(i, length)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool HasPii(string text)
    {
        foreach (Match m in CitizenId().Matches(text))
        {
            if (Pii.IdCheckDigit(m.Value[..17]) == m.Value[17])
            {
                return true;
            }
        }

        foreach (Match m in LongDigits().Matches(text))
        {
            var digits = m.Value;
            if (digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9')
            {
                return true;
            }

            if (digits.Length is >= 16 and <= 19 && Pii.LuhnDigit(digits[..^1]) == digits[^1])
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsItemPage(string url) => ItemPath().IsMatch(new Uri(url).AbsolutePath) || url.Contains("/bsfw/bszn/", StringComparison.Ordinal);

    public static bool TagsComplete(IDocument document)
    {
        string? Meta(string name) => document.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");
        return !string.IsNullOrEmpty(Meta("ArticleTitle")) && !string.IsNullOrEmpty(Meta("ContentSource"))
            && Meta("PubDate") is { } pub && DateTime.TryParseExact(pub, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>Every date a list shows, with the year inferred for month-day forms (the latest such date not after today).</summary>
    public static List<DateOnly> Dates(string text, DateOnly today)
    {
        var dates = new List<DateOnly>();
        foreach (Match m in FullDate().Matches(text))
        {
            dates.Add(new DateOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)));
        }

        foreach (Match m in MonthDay().Matches(FullDate().Replace(text, " ")))
        {
            var date = new DateOnly(today.Year, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            dates.Add(date > today ? date.AddYears(-1) : date);
        }

        return dates;
    }

    [GeneratedRegex("(?<![0-9])[0-9]{17}[0-9X](?![0-9])")]
    private static partial Regex CitizenId();

    [GeneratedRegex("(?<![0-9])[0-9]{11,19}(?![0-9])")]
    private static partial Regex LongDigits();

    [GeneratedRegex("/t[0-9]{8}_[0-9]+\\.html$")]
    private static partial Regex ItemPath();

    [GeneratedRegex("(?<![0-9])(20[0-9]{2})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})")]
    private static partial Regex FullDate();

    [GeneratedRegex("(?<![0-9-])([01][0-9])-([0-3][0-9])(?![0-9])")]
    private static partial Regex MonthDay();
}
