using GovEval.Collect.Crawling;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Rendering;

namespace GovEval.Collect.Tests;

[Collection(LiveSandboxCollection.Name)]
public sealed class SiteCrawlerTests(LiveSandbox live)
{
    private static readonly string[] LinkRules = ["links.broken", "links.broken-homepage", "downloads.broken", "services.system-down"];

    [Fact]
    public async Task Calendar_and_query_traps_terminate_within_the_caps()
    {
        using var fetcher = live.Fetcher();
        var caps = new CrawlOptions { MaxPages = 4000, MaxDepth = 40, CheckLinks = false };

        var calendarSite = live.With(FaultKind.CalendarTrap);
        var result = await new SiteCrawler(fetcher, new LinkCheckCache(fetcher), caps).CrawlAsync(calendarSite.SiteUrl, LiveSandbox.Now);
        Assert.True(result.Pages.Count < caps.MaxPages, $"{result.Pages.Count} pages: " + string.Join(", ", result.Pages.GroupBy(p => string.Join("/", new Uri(p.Url).AbsolutePath.Split("/").Take(2)) + (p.Url.Contains('?') ? "?" : "")).Select(g => $"{g.Key}={g.Count()}")));
        var calendar = result.Pages.Count(p => p.Url.Contains(FaultPaths.CalendarPath, StringComparison.Ordinal));
        Assert.InRange(calendar, 1, caps.MaxQueryVariantsPerPath + 1);
        Assert.Contains(result.Links, l => l.Outcome is { Status: FetchStatus.Skipped } o && o.Error!.StartsWith("trap", StringComparison.Ordinal));

        var querySite = live.With(FaultKind.QueryTrap);
        result = await new SiteCrawler(fetcher, new LinkCheckCache(fetcher), caps).CrawlAsync(querySite.SiteUrl, LiveSandbox.Now);
        Assert.True(result.Pages.Count < caps.MaxPages, $"{result.Pages.Count} pages: " + string.Join(", ", result.Pages.GroupBy(p => string.Join("/", new Uri(p.Url).AbsolutePath.Split("/").Take(2)) + (p.Url.Contains('?') ? "?" : "")).Select(g => $"{g.Key}={g.Count()}")));
        var lead = querySite.Columns[0].FirstPagePath;
        var sorted = result.Pages.Where(p => p.Url.Contains(lead + "?", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sorted);
        Assert.All(sorted, p => Assert.True(p.Url.Split('&').Length <= caps.MaxQueryGrowth + 1, p.Url));
    }

    [Fact]
    public async Task Broken_targets_of_the_truth_and_nothing_else_come_out_as_site_faults()
    {
        var truth = live.Server.Truth();
        var site = live.Sites(s => s.Broken.Count >= 3 && !s.Faults.HasFlag(FaultKind.SlowResponse)).OrderByDescending(s => s.Broken.Count).First();
        var expected = truth.Sites.Single(s => s.Host == site.Host).Defects.Where(d => LinkRules.Contains(d.Rule)).Select(d => UrlNormalizer.Normalize(d.Url)).ToHashSet();
        Assert.NotEmpty(expected);
        using var fetcher = live.Fetcher();
        var crawler = new SiteCrawler(fetcher, new LinkCheckCache(fetcher), new CrawlOptions { MaxPages = 5000, MaxDepth = 10 });
        var before = live.Server.DisallowedRequests;
        var result = await crawler.CrawlAsync(site.SiteUrl, LiveSandbox.Now);

        var faults = result.Links.Where(l => l.Outcome is { IsSiteFault: true }).Select(l => UrlNormalizer.Normalize(l.Target)).ToHashSet();
        Assert.Empty(expected.Except(faults));
        Assert.Empty(faults.Except(expected));
        Assert.Equal(before, live.Server.DisallowedRequests);
        Assert.True(result.Pages.Count > 20);
    }

    [Fact]
    public async Task Progress_ends_with_every_found_page_done()
    {
        var site = live.Sites(s => !s.Faults.HasFlag(FaultKind.SlowResponse)).First();
        using var fetcher = live.Fetcher();
        var progress = new CrawlProgress();
        var crawl = new SiteCrawler(fetcher, new LinkCheckCache(fetcher), new CrawlOptions { MaxPages = 60, Progress = progress }).CrawlAsync(site.SiteUrl, LiveSandbox.Now);
        var seen = new List<int>();
        while (!crawl.IsCompleted)
        {
            seen.Add(progress.Done);
            await Task.Delay(2);
        }

        var result = await crawl;
        var excluded = result.Links.Where(l => l.Outcome is { Status: FetchStatus.RobotsExcluded }).Select(l => l.Target).Distinct().Count();
        Assert.Equal(progress.Found, progress.Done);
        Assert.InRange(progress.Done, result.Pages.Count, result.Pages.Count + excluded);
        Assert.Equal(seen.Order(), seen);
    }

    [Theory]
    [InlineData(FaultKind.Burst5xx)]
    [InlineData(FaultKind.TransientReset)]
    [InlineData(FaultKind.RetryAfter503)]
    [InlineData(FaultKind.MalformedHtml)]
    public async Task Scanner_faults_never_show_up_as_broken_links(FaultKind fault)
    {
        var truth = live.Server.Truth();
        var site = live.With(fault, s => !s.Faults.HasFlag(FaultKind.SlowResponse));
        var expected = truth.Sites.Single(s => s.Host == site.Host).Defects.Where(d => LinkRules.Contains(d.Rule)).Select(d => UrlNormalizer.Normalize(d.Url)).ToHashSet();
        using var fetcher = live.Fetcher();
        var result = await new SiteCrawler(fetcher, new LinkCheckCache(fetcher), new CrawlOptions { MaxPages = 5000, MaxDepth = 10, Parallelism = 16 })
            .CrawlAsync(site.SiteUrl, LiveSandbox.Now);
        var faults = result.Links.Where(l => l.Outcome is { IsSiteFault: true }).Select(l => UrlNormalizer.Normalize(l.Target)).ToHashSet();
        Assert.Empty(faults.Except(expected));
        Assert.Empty(expected.Except(faults));
    }

    [Fact]
    public async Task An_abandoned_crawl_resumes_from_its_journal_to_the_same_observation()
    {
        var site = live.Sites(s => s.Broken.Count > 0 && !s.Faults.HasFlag(FaultKind.SlowResponse) && !s.Faults.HasFlag(FaultKind.SlowDrip)).Skip(1).First();
        var journal = Path.Combine(Path.GetTempPath(), $"journal-{Guid.NewGuid():N}");
        try
        {
            using var fetcher = live.Fetcher();
            var options = new CrawlOptions { MaxPages = 150, JournalDirectory = journal };
            var whole = await new SiteCrawler(fetcher, new LinkCheckCache(fetcher), new CrawlOptions { MaxPages = 150 }).CrawlAsync(site.SiteUrl, LiveSandbox.Now);

            using (var cancel = new CancellationTokenSource())
            {
                var crawl = new SiteCrawler(fetcher, new LinkCheckCache(fetcher), options).CrawlAsync(site.SiteUrl, LiveSandbox.Now, cancel.Token);
                var journalFile = Directory.Exists(journal) ? Directory.GetFiles(journal).FirstOrDefault() : null;
                while (!crawl.IsCompleted && (journalFile is null || File.ReadAllLines(journalFile).Length < 40))
                {
                    await Task.Delay(5);
                    journalFile = Directory.Exists(journal) ? Directory.GetFiles(journal).FirstOrDefault() : null;
                }

                cancel.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crawl);
            }

            var resumed = await new SiteCrawler(fetcher, new LinkCheckCache(fetcher), options).CrawlAsync(site.SiteUrl, LiveSandbox.Now);
            Assert.True(resumed.FetchedPages < resumed.Pages.Count, $"fetched {resumed.FetchedPages} of {resumed.Pages.Count}");
            Assert.Equal(Summary(whole), Summary(resumed));
        }
        finally
        {
            Directory.Delete(journal, recursive: true);
        }
    }

    internal static List<string> Summary(CrawlResult result) => CrawlSummary.Lines(result).ToList();
}
