namespace GovEval.Collect.Crawling;

/// <summary>Which hosts belong to the site: the homepage's host and configured aliases, over http and https alike.</summary>
public sealed class CrawlScope
{
    private readonly HashSet<string> hosts = new(StringComparer.OrdinalIgnoreCase);

    public CrawlScope(Uri homepage, IEnumerable<string> aliases)
    {
        hosts.Add(homepage.Host);
        foreach (var alias in aliases)
        {
            hosts.Add(alias.Trim());
        }
    }

    public bool Contains(Uri uri) => uri.Scheme is "http" or "https" && hosts.Contains(uri.Host);
}
