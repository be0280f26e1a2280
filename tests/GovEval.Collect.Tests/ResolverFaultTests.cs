using System.Net.Sockets;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;
using GovEval.Sandbox.Sites;

namespace GovEval.Collect.Tests;

/// <summary>
/// Whose fault a failed name lookup is. A name its own DNS says does not exist (NXDOMAIN, no address) is the
/// site's; a resolver of ours that cannot answer (EAI_AGAIN: unreachable, timed out, none configured) is the
/// scanner's and must never count against a site. No test here asks real DNS: the resolver is a stand-in, the
/// classification is the real one.
/// </summary>
[Collection(LiveSandboxCollection.Name)]
public sealed class ResolverFaultTests(LiveSandbox live)
{
    private const string Home = "http://www.example.gov.cn/";

    [Theory]
    [InlineData(SocketError.TryAgain)]
    [InlineData(SocketError.NoRecovery)]
    [InlineData(SocketError.SocketError)]
    public async Task A_resolver_that_cannot_answer_is_a_scanner_fault(SocketError error)
    {
        var resolver = new StandInResolver(error);
        using var fetcher = new Fetcher(new FetchOptions { Resolver = resolver, Politeness = false, MaxRetries = 0 });
        var result = await fetcher.GetAsync(Home);
        Assert.Equal(FetchStatus.ScannerError, result.Outcome.Status);
        Assert.False(result.Outcome.IsSiteFault);
        Assert.True(result.Outcome.IsUnknown);
        Assert.Contains(("www.example.gov.cn", AddressFamily.Unspecified), resolver.Asked);
    }

    [Theory]
    [InlineData(SocketError.HostNotFound)]
    [InlineData(SocketError.NoData)]
    public async Task A_name_its_dns_says_does_not_exist_is_the_sites_fault(SocketError error)
    {
        using var fetcher = new Fetcher(new FetchOptions { Resolver = new StandInResolver(error), Politeness = false, MaxRetries = 0 });
        var result = await fetcher.GetAsync(Home);
        Assert.Equal(FetchStatus.Dns, result.Outcome.Status);
        Assert.True(result.Outcome.IsSiteFault);
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused, FetchStatus.Connection)]
    [InlineData(SocketError.ConnectionReset, FetchStatus.Connection)]
    [InlineData(SocketError.TimedOut, FetchStatus.Connection)]
    [InlineData(SocketError.HostUnreachable, FetchStatus.Connection)]
    [InlineData(SocketError.NetworkUnreachable, FetchStatus.ScannerError)]
    [InlineData(SocketError.NetworkDown, FetchStatus.ScannerError)]
    [InlineData(SocketError.AddressFamilyNotSupported, FetchStatus.ScannerError)]
    [InlineData(SocketError.TooManyOpenSockets, FetchStatus.ScannerError)]
    [InlineData(SocketError.NoBufferSpaceAvailable, FetchStatus.ScannerError)]
    [InlineData(SocketError.AccessDenied, FetchStatus.ScannerError)]
    public void A_connection_fails_by_the_site_or_by_our_own_network(SocketError error, FetchStatus expected)
    {
        // As SocketsHttpHandler hands it over: the socket error wrapped in an HttpRequestException.
        var thrown = new HttpRequestException(HttpRequestError.ConnectionError, "connect failed", new SocketException((int)error));
        Assert.Equal(expected, FailureClassifier.Classify(thrown, ourTimeout: false, callerCancelled: false).Status);
    }

    [Fact]
    public async Task An_aaaa_lookup_our_resolver_cannot_answer_leaves_ipv6_and_https_not_measured()
    {
        using var fetcher = new Fetcher(new FetchOptions { Resolver = new StandInResolver(SocketError.TryAgain), Politeness = false, MaxRetries = 0 });
        using var prober = new TransportProber(fetcher);
        var (probe, notMeasured) = await prober.ProbeAsync(Home);
        Assert.Null(probe.HasAaaa);
        Assert.Null(probe.AnswersOverIpv6);
        Assert.Null(probe.CertificateValid);
        Assert.Null(probe.HttpRedirectsToHttps);
        Assert.Contains(notMeasured, n => n.Rule == "network.ipv6");
        Assert.Contains(notMeasured, n => n.Rule == "security.https");
    }

    [Fact]
    public async Task A_name_without_an_aaaa_record_has_no_ipv6()
    {
        using var fetcher = new Fetcher(new FetchOptions { Resolver = new StandInResolver(SocketError.HostNotFound), Politeness = false, MaxRetries = 0 });
        using var prober = new TransportProber(fetcher);
        var (probe, notMeasured) = await prober.ProbeAsync(Home);
        Assert.False(probe.HasAaaa);
        Assert.DoesNotContain(notMeasured, n => n.Rule == "network.ipv6");
    }

    [Fact]
    public async Task Aaaa_lookups_of_a_host_a_connect_to_rule_covers_are_answered_by_the_rules_target()
    {
        var answering = live.Sites(s => s.Ipv6 == Ipv6Mode.Answers && s.Https == HttpsMode.Good).First();
        var silent = live.Sites(s => s.Ipv6 == Ipv6Mode.NoAnswer).First();
        var resolver = new StandInResolver(SocketError.HostNotFound);
        var v6 = ConnectToRules.Parse(live.Server.Ipv6Routes());

        // Rules to IPv4 addresses: no AAAA, whatever the host's name would say in real DNS.
        using (var fetcher = live.Fetcher(o => o with { Resolver = resolver }))
        using (var prober = new TransportProber(fetcher))
        {
            var (probe, notMeasured) = await prober.ProbeAsync(answering.SiteUrl);
            Assert.False(probe.HasAaaa);
            Assert.Empty(notMeasured);
        }

        // Rules to IPv6 addresses first: the rule's address is the AAAA record, connecting there says whether it answers.
        using (var fetcher = live.Fetcher(o => o with { Resolver = resolver, ConnectTo = v6.Concat(o.ConnectTo) }))
        using (var prober = new TransportProber(fetcher))
        {
            var (probe, notMeasured) = await prober.ProbeAsync(answering.SiteUrl);
            Assert.True(probe.HasAaaa);
            Assert.True(probe.AnswersOverIpv6);
            Assert.Empty(notMeasured);

            (probe, _) = await prober.ProbeAsync(silent.SiteUrl);
            Assert.True(probe.HasAaaa);
            Assert.False(probe.AnswersOverIpv6);
        }

        Assert.Empty(resolver.Asked);
    }
}
