using GovEval.Core.Observations;

namespace GovEval.Collect.Crawling;

/// <summary>What a site crawl produced: pages in breadth-first order and every link with its outcome.</summary>
public sealed record CrawlResult(IReadOnlyList<PageObservation> Pages, IReadOnlyList<LinkObservation> Links, IReadOnlyList<NotMeasured> NotMeasured)
{
    /// <summary>Pages fetched over the network in this run (the rest came from the journal).</summary>
    public int FetchedPages { get; init; }

    /// <summary>True when the site's budget ended the crawl before it was done.</summary>
    public bool Cut { get; init; }
}
