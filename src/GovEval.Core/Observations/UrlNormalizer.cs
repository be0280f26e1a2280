namespace GovEval.Core.Observations;

/// <summary>
/// RULES.md §5: findings and ground truth compare URLs after lower-casing scheme and host, dropping the
/// default port and the fragment. Path and query keep their case: servers may distinguish them.
/// </summary>
public static class UrlNormalizer
{
    public static string Normalize(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return url.Trim();
        }

        string host;
        try
        {
            host = uri.IdnHost;
        }
        catch (UriFormatException)
        {
            // A host Uri accepts but IDNA refuses (U+0378, U+FFFF in a hostile page's link): it names no server,
            // and a link to it must not stop the crawl. Kept as written, like any URL that is no http(s) URL.
            return url.Trim();
        }

        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        var path = uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath;
        return $"{uri.Scheme.ToLowerInvariant()}://{host.ToLowerInvariant()}{port}{path}{uri.Query}";
    }
}
