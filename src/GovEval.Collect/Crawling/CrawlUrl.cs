using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>
/// Resolves and normalises link targets: relative to the page (or its base), fragment dropped, then Core's
/// <see cref="UrlNormalizer"/> (lower-case scheme and host, no default port). Nothing that could change what the
/// server returns is touched: path and query keep their case and order.
/// </summary>
public static class CrawlUrl
{
    public static string? Resolve(Uri page, string reference)
    {
        var trimmed = reference.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
        {
            return null;
        }

        if (!Uri.TryCreate(page, trimmed, out var target) || target.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return Normalize(target);
    }

    public static string Normalize(Uri uri)
    {
        var absolute = uri.AbsoluteUri;
        var hash = absolute.IndexOf('#');
        if (hash >= 0)
        {
            absolute = absolute[..hash];
        }

        return UrlNormalizer.Normalize(absolute);
    }

    public static string Normalize(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Normalize(uri) : url;

    private static readonly string[] NonPageExtensions =
    [
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".ofd", ".txt", ".csv", ".xml", ".json",
        ".zip", ".rar", ".7z", ".gz", ".tar", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg", ".ico", ".css", ".js",
        ".mp3", ".mp4", ".avi", ".flv", ".wmv", ".mov", ".swf", ".apk", ".exe", ".msi",
    ];

    /// <summary>Whether a target looks like something other than an HTML page (attachments, media, code).</summary>
    public static bool LooksLikeFile(Uri uri) => HasFileExtension(uri.AbsolutePath);

    public static bool HasFileExtension(ReadOnlySpan<char> path)
    {
        var dot = path.LastIndexOf('.');
        if (dot < 0 || dot < path.LastIndexOf('/'))
        {
            return false;
        }

        var extension = path[dot..];
        foreach (var candidate in NonPageExtensions)
        {
            if (extension.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
