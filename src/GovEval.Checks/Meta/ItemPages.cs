using System.Text.RegularExpressions;

namespace GovEval.Checks.Meta;

/// <summary>
/// Tells article (item) pages from lists, the homepage and service pages. Chinese government CMSs give items
/// addresses of their own: TRS WCM /202011/t20201130_123.html, 大汉 /art/2020/11/30/art_12_345.html, 政务云 /content/post_123.html,
/// 博达 /info/1234/5678.htm, gov.cn /content/2020-11/30/content_123.htm, and dated /2020-11/30/ or /20201130/ folders.
/// A page without such an address is still an item when the CMS marks it (any of ArticleTitle, PubDate,
/// ContentSource) or when pages of the same address template carry the tags (the site's items share a template).
/// </summary>
public static partial class ItemPages
{
    public static bool HasItemAddress(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var path = uri.AbsolutePath;
        return TrsItem().IsMatch(path) || DahanItem().IsMatch(path) || PostItem().IsMatch(path)
            || BodaItem().IsMatch(path) || ContentItem().IsMatch(path);
    }

    /// <summary>The address with every digit run replaced by #, so /xw/202011/t20201130_1.html and /xw/202010/t20201012_7.html meet.</summary>
    public static string Template(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        return Digits().Replace(uri.AbsolutePath, "#");
    }

    [GeneratedRegex(@"/t[0-9]{8}_[0-9]+(?:_[0-9]+)?\.s?html?$", RegexOptions.IgnoreCase)]
    private static partial Regex TrsItem();

    [GeneratedRegex(@"/art/[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}/art_[0-9]+_[0-9]+\.html?$", RegexOptions.IgnoreCase)]
    private static partial Regex DahanItem();

    [GeneratedRegex(@"/(?:content/)?post_[0-9]+\.html?$", RegexOptions.IgnoreCase)]
    private static partial Regex PostItem();

    [GeneratedRegex(@"/info/[0-9]+/[0-9]+\.html?$", RegexOptions.IgnoreCase)]
    private static partial Regex BodaItem();

    [GeneratedRegex(@"/content_[0-9]+\.s?html?$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentItem();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
