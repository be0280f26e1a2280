using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>Limits and switches of one site's crawl. Defaults suit an assessment of a government portal.</summary>
public sealed class CrawlOptions
{
    public int MaxPages { get; init; } = 2000;

    /// <summary>Clicks from the homepage (the homepage is depth 0).</summary>
    public int MaxDepth { get; init; } = 6;

    /// <summary>Other host names of the same site (crawled as the site itself).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public bool UseSitemap { get; init; } = true;

    /// <summary>Pages of one site fetched at once (politeness still limits what reaches the host).</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>Whether targets that are not crawled (external, files) are checked through the link-check cache.</summary>
    public bool CheckLinks { get; init; } = true;

    public int MaxQueryVariantsPerPath { get; init; } = 20;

    public int MaxQueryParameters { get; init; } = 6;

    /// <summary>Same-path links may add query parameters up to this many, then growth counts as a trap.</summary>
    public int MaxQueryGrowth { get; init; } = 2;

    public int MaxRepeatedSegment { get; init; } = 2;

    public int MaxPathSegments { get; init; } = 12;

    public int MaxUrlLength { get; init; } = 1024;

    /// <summary>Calendar links (a date in the query) further than this from today are traps.</summary>
    public int CalendarHorizonMonths { get; init; } = 24;

    /// <summary>Directory of per-site journals (resume after a kill); null keeps no journal.</summary>
    public string? JournalDirectory { get; init; }

    /// <summary>How often the journal is forced to disk (each record is written through to the OS at once).</summary>
    public TimeSpan JournalSyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Updated as pages are done, for a progress display; null when nobody watches.</summary>
    public CrawlProgress? Progress { get; init; }

    /// <summary>
    /// Links read from one page (<c>--max-links-per-page</c>). Past it the page's other links are neither checked nor
    /// followed, and the crawl reports its link rules as not measured for that reason: a page of 100,000 links is a
    /// trap for a link checker, not a list a visitor reads.
    /// </summary>
    public int MaxLinksPerPage { get; init; } = 10_000;

    /// <summary>The site's time budget: at its deadline the crawl stops and keeps the pages it committed.</summary>
    public SiteBudget? Budget { get; init; }

    /// <summary>Keep the decoded HTML of crawled pages in the observation (checks need it; benchmarks may drop it).</summary>
    public bool KeepHtml { get; init; } = true;
}
