using GovEval.Core.Observations;

namespace GovEval.Checks.Text;

/// <summary>
/// The pages of a site as the page-level families of this folder's users read them: one entry per distinct
/// address, named by where the page was finally served (RULES.md §5: page URLs use the scheme the site ends up
/// on), and the homepage as fetched.
/// </summary>
public static class SitePages
{
    /// <summary>The address a page-level finding names: the final URL after redirects.</summary>
    public static string AddressOf(PageObservation page) => page.Outcome.FinalUrl ?? page.Url;

    /// <summary>Pages with decoded HTML, one per normalised final address, in crawl order.</summary>
    public static IEnumerable<(string Url, PageObservation Page)> WithHtml(SiteObservation observation)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in observation.Pages)
        {
            if (page.Html is null || page.Outcome.Status != FetchStatus.Ok)
            {
                continue;
            }

            var url = AddressOf(page);
            if (seen.Add(UrlNormalizer.Normalize(url)))
            {
                yield return (url, page);
            }
        }
    }

    /// <summary>
    /// The homepage fetch: the page requested as the homepage (http or https, with or without index.html),
    /// else the shallowest page. Null when the crawl holds none.
    /// </summary>
    public static PageObservation? Homepage(SiteObservation observation)
    {
        var given = UrlNormalizer.Normalize(observation.Homepage);
        var host = Uri.TryCreate(observation.Homepage, UriKind.Absolute, out var uri) ? UrlNormalizer.IdnHost(uri)?.ToLowerInvariant() : null;
        PageObservation? sameRoot = null;
        foreach (var page in observation.Pages)
        {
            if (UrlNormalizer.Normalize(page.Url) == given)
            {
                return page;
            }

            if (sameRoot is null && host is not null && IsRootOf(page.Url, host))
            {
                sameRoot = page;
            }
        }

        return sameRoot ?? observation.Pages.Where(p => p.Depth == 0).FirstOrDefault();
    }

    private static bool IsRootOf(string url, string host) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(UrlNormalizer.IdnHost(uri), host, StringComparison.OrdinalIgnoreCase)
        && uri.AbsolutePath is "/" or "/index.html" or "/index.htm" or "/index.shtml" or "/index.jsp" or "/index.php";

    /// <summary>A response header, whatever case the collector stored its name in.</summary>
    public static string? Header(PageObservation page, string name)
    {
        if (page.Headers.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var (key, v) in page.Headers)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }
}
