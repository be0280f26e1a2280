using GovEval.Core.Errors;

namespace GovEval.Collect.Crawling;

/// <summary>A site's homepage as a person types it on a command line: a bare host gets http://.</summary>
public static class SiteHomepage
{
    /// <summary>The absolute homepage URL, or bad input naming <paramref name="argument"/>.</summary>
    public static string Parse(string text, string argument = "URL")
    {
        var trimmed = text.Trim();
        if (!trimmed.Contains("://", StringComparison.Ordinal))
        {
            trimmed = "http://" + trimmed;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            throw new InputException(argument, $"'{text}' is not an http(s) URL of a site (e.g. https://www.example.gov.cn/)");
        }

        return uri.AbsoluteUri;
    }
}
