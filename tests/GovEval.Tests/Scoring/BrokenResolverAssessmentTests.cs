using System.Net.Sockets;
using GovEval.Cli.Collection;
using GovEval.Collect;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Core.Frameworks;

namespace GovEval.Tests.Scoring;

/// <summary>
/// What `check` and `collect` make of a site when the scanner's own resolver cannot answer (DNS TryAgain, no
/// resolver configured): the real collector, checks and national-check scoring, with a stand-in for the operating
/// system's resolver only. The site was never seen, so it is never 不合格 and nothing is deducted.
/// </summary>
public sealed class BrokenResolverAssessmentTests
{
    [Fact]
    public async Task A_site_seen_through_a_resolver_that_cannot_answer_is_not_vetoed_nor_deducted()
    {
        const string home = "http://www.example.gov.cn/";
        var framework = FrameworkCatalog.Get("gov-website-check-2019");
        using var fetcher = new Fetcher(new FetchOptions { Resolver = new StandInResolver(SocketError.TryAgain), Politeness = false, MaxRetries = 0 });
        using var collector = new SiteCollector(fetcher);
        var observation = await collector.CollectAsync(home, new DateTimeOffset(2020, 11, 30, 9, 0, 0, TimeSpan.FromHours(8)), new CollectOptions
        {
            ShortSample = new SamplerOptions { Visits = 3, Interval = TimeSpan.Zero, FailAfter = ShippedRules.Checks.HomepageTimeout },
        });

        var assessment = SiteAssessor.Assess(framework, "www.example.gov.cn", SiteAssessor.StandaloneFacts(home, null, true), observation);
        Assert.Empty(assessment.Checks.Findings);
        Assert.False(assessment.Sheet.Vetoed);
        Assert.Empty(assessment.Sheet.Vetoes);
        Assert.NotEqual("不合格", SiteAssessor.Verdict(framework, assessment.Sheet));
        Assert.Contains(assessment.Checks.NotMeasured, n => n.Rule == "veto.unreachable");
        Assert.False(assessment.Sheet.Assessed);
    }
}
