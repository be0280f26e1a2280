using GovEval.Core.Observations;

namespace GovEval.Checks;

/// <summary>
/// Every finding must be verifiable against the archive (issue: "every finding carries warc file, record id,
/// sha256 and capture time"). Families attach evidence where they know better; this fills the rest from the
/// observations: a broken target's own archived response (the 404 page, the redirect), else the page the
/// finding names (a column's list page, the page with the typo), else the page where it was seen.
/// </summary>
internal static class FindingEvidence
{
    public static IReadOnlyList<Finding> Attach(IReadOnlyList<Finding> findings, SiteObservation observation)
    {
        if (findings.All(f => f.Evidence is not null))
        {
            return findings;
        }

        var pages = new Dictionary<string, Evidence>(StringComparer.Ordinal);
        foreach (var page in observation.Pages)
        {
            if (page.Outcome.Evidence is { } evidence)
            {
                pages.TryAdd(UrlNormalizer.Normalize(page.Url), evidence);
                if (page.Outcome.FinalUrl is { } final)
                {
                    pages.TryAdd(UrlNormalizer.Normalize(final), evidence);
                }
            }
        }

        var targets = new Dictionary<string, Evidence>(StringComparer.Ordinal);
        foreach (var link in observation.Links)
        {
            if (link.Outcome?.Evidence is { } evidence)
            {
                targets.TryAdd(UrlNormalizer.Normalize(link.Target), evidence);
            }
        }

        return findings.Select(f => f.Evidence is not null ? f : f with { Evidence = Find(f, pages, targets, observation) }).ToList();
    }

    private static Evidence? Find(Finding finding, Dictionary<string, Evidence> pages, Dictionary<string, Evidence> targets, SiteObservation observation)
    {
        var url = UrlNormalizer.Normalize(finding.Url);
        if (targets.TryGetValue(url, out var target))
        {
            return target;
        }

        if (pages.TryGetValue(url, out var page))
        {
            return page;
        }

        if (finding.Page is not null && pages.TryGetValue(UrlNormalizer.Normalize(finding.Page), out var seen))
        {
            return seen;
        }

        // Site-level findings name the homepage as given; the crawl may have landed on its https form.
        return observation.Pages.FirstOrDefault()?.Outcome.Evidence;
    }
}
