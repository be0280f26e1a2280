using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;

// A crawl in a process of its own, so a test can kill it with SIGKILL mid-way and resume from its journal.
// Usage: GovEval.Collect.CrawlHost HOMEPAGE ROUTES-FILE CA-FILE JOURNAL-DIR MAX-PAGES NOW SUMMARY-FILE
if (args.Length != 7)
{
    Console.Error.WriteLine("usage: GovEval.Collect.CrawlHost HOMEPAGE ROUTES-FILE CA-FILE JOURNAL-DIR MAX-PAGES NOW SUMMARY-FILE");
    return 2;
}

using var fetcher = new Fetcher(new FetchOptions
{
    ConnectTo = ConnectToRules.FromFile(args[1]),
    ExtraRootsPem = [File.ReadAllText(args[2])],
    // The test compares this crawl with one through LiveSandbox's fetcher: the same timeout, or a link answering
    // between two different limits on a loaded machine is a timeout in one crawl and not in the other.
    Timeout = TimeSpan.FromSeconds(2),
    RetryBaseDelay = TimeSpan.FromMilliseconds(20),
    MaxRetryAfter = TimeSpan.FromSeconds(1),

    // Paced so that the test has time to kill the crawl half-way.
    Politeness = true,
    MaxConcurrencyPerHost = 2,
    MinimumInterval = TimeSpan.FromMilliseconds(25),
});
var crawler = new SiteCrawler(fetcher, new LinkCheckCache(fetcher), new CrawlOptions
{
    MaxPages = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture),
    JournalDirectory = args[3],
    JournalSyncInterval = TimeSpan.FromMilliseconds(100),
});
var result = await crawler.CrawlAsync(args[0], DateTimeOffset.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture));
File.WriteAllLines(args[6], CrawlSummary.Lines(result).Append($"fetched {result.FetchedPages}"));
return 0;
