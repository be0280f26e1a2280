using GovEval.Collect.Crawling;
using GovEval.Collect.Fetching;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;

namespace GovEval.Collect.Tests;

public sealed class TrapDetectorTests
{
    private static readonly DateTimeOffset Now = new(2020, 11, 30, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("http://a.gov.cn/a/b/a/b/a/b.html", "repeats")]
    [InlineData("http://a.gov.cn/hdjl/calendar.html?month=2031-01", "calendar")]
    [InlineData("http://a.gov.cn/x.html?a=1&b=2&c=3&d=4&e=5&f=6&g=7", "query parameters")]
    public void Endless_url_spaces_are_recognised(string url, string reason)
    {
        var detector = new TrapDetector(new CrawlOptions(), Now);
        Assert.Contains(reason, detector.Check(new Uri(url), null));
    }

    [Fact]
    public void Ordinary_urls_pass_and_query_variants_of_one_path_are_capped()
    {
        var options = new CrawlOptions { MaxQueryVariantsPerPath = 3 };
        var detector = new TrapDetector(options, Now);
        Assert.Null(detector.Check(new Uri("http://a.gov.cn/xwzx/202011/t20201130_1.html"), null));
        Assert.Null(detector.Check(new Uri("http://a.gov.cn/hdjl/calendar.html?month=2020-12"), null));
        Assert.Null(detector.Check(new Uri("http://a.gov.cn/hdjl/calendar.html?month=2021-01"), null));
        Assert.Null(detector.Check(new Uri("http://a.gov.cn/hdjl/calendar.html?month=2021-02"), null));
        Assert.NotNull(detector.Check(new Uri("http://a.gov.cn/hdjl/calendar.html?month=2021-03"), null));
    }

    [Fact]
    public void A_query_that_grows_each_level_is_stopped()
    {
        var detector = new TrapDetector(new CrawlOptions { MaxQueryGrowth = 2 }, Now);
        var two = new Uri("http://a.gov.cn/list.html?sort=a&order=b");
        Assert.Null(detector.Check(two, new Uri("http://a.gov.cn/list.html?sort=a")));
        Assert.Contains("grows", detector.Check(new Uri("http://a.gov.cn/list.html?sort=a&order=b&by=c"), two));
    }
}

[Collection(LiveSandboxCollection.Name)]
public sealed class LinkCheckCacheTests(LiveSandbox live)
{
    [Fact]
    public async Task A_target_linked_from_many_sites_is_checked_once()
    {
        var target = live.Sites(s => s.Broken.Any(b => b.External)).SelectMany(s => s.Broken).First(b => b.External).Target;
        using var fetcher = live.Fetcher();
        var cache = new LinkCheckCache(fetcher);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.CheckAsync(target)));
        Assert.Equal(1, cache.Misses);
        Assert.All(outcomes, o => Assert.True(o.IsSiteFault));
        Assert.Single(outcomes.Distinct());
    }
}
