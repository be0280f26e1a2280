using System.Globalization;
using GovEval.Collect.Crawling;
using GovEval.Collect.Warc;
using GovEval.Core.Observations;

namespace GovEval.LinkCheck;

/// <summary>The one line a run ends with on standard error: what was crawled, what is broken, what was not measured.</summary>
public static class LinkSummary
{
    public static string Line(CrawlResult result, int rows, TimeSpan elapsed, WarcWriter? warc)
    {
        var brokenTargets = result.Links.Where(l => l.Outcome is { IsSiteFault: true }).Select(l => l.Target).Distinct(StringComparer.Ordinal).Count();
        var notMeasured = result.Links.Where(l => l.Outcome is { Status: FetchStatus.ScannerError })
            .Select(l => l.Target).Distinct(StringComparer.Ordinal).Count();
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var archived = warc is null ? "no WARC" : $"WARC in {warc.DirectoryPath} ({warc.Files.Count} file(s))";
        return string.Create(CultureInfo.InvariantCulture,
            $"goveval-links: {result.Pages.Count} pages, {result.Links.Count} links, {brokenTargets} broken targets ({rows} rows), {notMeasured} targets not measured (scanner faults), {seconds:F2} s, {result.Pages.Count / seconds:F0} pages/s, {archived}");
    }
}
