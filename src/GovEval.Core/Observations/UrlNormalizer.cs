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

        if (IdnHost(uri) is not { } host)
        {
            return url.Trim();
        }

        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        var path = uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath;
        return $"{uri.Scheme.ToLowerInvariant()}://{host.ToLowerInvariant()}{port}{path}{uri.Query}";
    }

    /// <summary>
    /// The host as DNS spells it (punycode), or null when IDNA cannot spell it: System.Uri parses some hosts (a
    /// small-form character, say) whose <see cref="Uri.IdnHost"/> then throws, and a hostile page must not crash a check.
    /// </summary>
    public static string? IdnHost(Uri uri)
    {
        try
        {
            return uri.IdnHost;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
