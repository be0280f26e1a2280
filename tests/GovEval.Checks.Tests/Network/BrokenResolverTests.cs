using System.Net.Sockets;
using GovEval.Collect;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Core.Observations;

namespace GovEval.Checks.Tests.Network;

/// <summary>
/// A site seen through a resolver of ours that cannot answer (DNS TryAgain, or none configured): the real
/// collector and every check family, nothing stubbed but the operating system's resolver. Our blindness is never
/// the site's fault: no finding, and the rules that read the homepage or a probe are "not measured".
/// </summary>
public sealed class BrokenResolverTests
{
    private const string Home = "http://www.example.gov.cn/";

    private static readonly DateTimeOffset Now = new(2020, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    public static async Task<SiteObservation> CollectAsync(HostResolver resolver)
    {
        using var fetcher = new Fetcher(new FetchOptions { Resolver = resolver, Politeness = false, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(2) });
        using var collector = new SiteCollector(fetcher);
        return await collector.CollectAsync(Home, Now, new CollectOptions
        {
            ShortSample = new SamplerOptions { Visits = 3, Interval = TimeSpan.Zero, FailAfter = ShippedRules.Checks.HomepageTimeout },
        });
    }

    [Fact]
    public async Task A_resolver_that_cannot_answer_yields_no_finding_and_says_what_was_not_measured()
    {
        var resolver = new StandInResolver(SocketError.TryAgain);
        var observation = await CollectAsync(resolver);
        var result = SiteChecks.Run(observation, ShippedRules.Options);

        Assert.Empty(result.Findings);

        // Every rule but the one read from the address alone: the homepage, its links and every probe were unseen.
        var unseen = SiteChecks.Families.SelectMany(f => f.Rules).Where(r => r != "identity.domain").ToList();
        var notMeasured = result.NotMeasured.Select(n => n.Rule).ToHashSet();
        Assert.Equal([], unseen.Where(r => !notMeasured.Contains(r)));

        Assert.NotEmpty(resolver.Asked);
        Assert.All(resolver.Asked, a => Assert.Equal("www.example.gov.cn", a.Host));
    }

    [Fact]
    public async Task A_name_that_does_not_exist_is_still_the_sites_fault()
    {
        var result = SiteChecks.Run(await CollectAsync(new StandInResolver(SocketError.HostNotFound)), ShippedRules.Options);
        Assert.Contains(result.Findings, f => f.Rule == "veto.unreachable");
        Assert.DoesNotContain(result.NotMeasured, n => n.Rule is "veto.unreachable" or "privacy.pii" or "links.broken-homepage");
    }
}
