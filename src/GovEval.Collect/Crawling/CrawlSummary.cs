namespace GovEval.Collect.Crawling;

/// <summary>
/// A crawl reduced to what must not depend on how it ran (timings and capture times aside): pages with depth and
/// status, links with their outcome. Two crawls of the same site, one resumed from a journal, compare equal.
/// </summary>
public static class CrawlSummary
{
    public static IEnumerable<string> Lines(CrawlResult result) =>
        result.Pages.Select(p => $"page {p.Url} {p.Depth} {p.Referrer} {p.Outcome.Status} {p.Outcome.HttpStatus} {p.Outcome.FinalUrl} {p.Html?.Length} {p.Charset}")
            .Concat(result.Links.Select(l => $"link {l.Page} {l.Target} {l.Source} {l.Internal} {l.Text} {l.Outcome?.Status} {l.Outcome?.HttpStatus} {l.Outcome?.Error}"));
}
