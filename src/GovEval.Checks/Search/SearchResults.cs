using GovEval.Core.Observations;

namespace GovEval.Checks.Search;

/// <summary>What the recorded search says about the published page the probe searched for.</summary>
public enum SearchVerdict
{
    /// <summary>The results list the published page.</summary>
    Found,

    /// <summary>The results page was read and does not list it, or the search ended on the homepage, or the site failed the search.</summary>
    NotFound,

    /// <summary>Nothing can be said: nothing was searched, the scanner spoiled the results page, it held no HTML, or the probe's limit cut a list that did not show the page.</summary>
    Unknown,
}

/// <summary>
/// Judges a recorded <see cref="SearchProbe"/>: the collector only records what it submitted and what the results
/// page listed. A search that ends on the homepage (a missing /search redirected home, a form posting back to the
/// homepage) found nothing, although the homepage links the newest title; results may link the page over the other
/// scheme, so host, path and query decide.
/// </summary>
public static class SearchResults
{
    public static SearchVerdict Judge(SearchProbe probe, IReadOnlySet<string> homepageUrls)
    {
        if (probe.Query is null || probe.ExpectedUrl is null || probe.Outcome is not { } outcome || outcome.IsUnknown)
        {
            return SearchVerdict.Unknown;
        }

        if (outcome.IsSiteFault || LandsOnHomepage(probe, outcome, homepageUrls))
        {
            return SearchVerdict.NotFound;
        }

        if (outcome.Status != FetchStatus.Ok || probe.Results is not { } results)
        {
            return SearchVerdict.Unknown;
        }

        if (results.Any(r => SameResource(r.Url, probe.ExpectedUrl)))
        {
            return SearchVerdict.Found;
        }

        return probe.ResultLinkCount > results.Count ? SearchVerdict.Unknown : SearchVerdict.NotFound;
    }

    private static bool LandsOnHomepage(SearchProbe probe, FetchOutcome outcome, IReadOnlySet<string> homepageUrls)
    {
        var landed = UrlNormalizer.Normalize(outcome.FinalUrl ?? outcome.Url);
        return homepageUrls.Contains(landed) || (probe.HomepageUrl is { } home && UrlNormalizer.Normalize(home) == landed);
    }

    private static bool SameResource(string candidate, string expected) =>
        Uri.TryCreate(candidate, UriKind.Absolute, out var c) && Uri.TryCreate(expected, UriKind.Absolute, out var e)
        && string.Equals(c.Host, e.Host, StringComparison.OrdinalIgnoreCase)
        && c.AbsolutePath == e.AbsolutePath && c.Query == e.Query;
}
