using GovEval.Checks;
using GovEval.Checks.Http;
using GovEval.Checks.Network;
using GovEval.Checks.Security;
using GovEval.Core.Observations;

namespace GovEval.Checks.Tests.Network;

/// <summary>security.https, network.ipv6 and http.soft-404 read probes, not pages: one case per outcome.</summary>
public sealed class TransportProbeTests
{
    private const string Home = "http://www.gd.gov.cn/";

    private static FetchOutcome Outcome(string url, FetchStatus status, int? code, string? final = null, IReadOnlyList<Redirect>? redirects = null) =>
        new(url, status, code, final ?? url, redirects ?? [], "text/html", 100, TimeSpan.FromMilliseconds(5), null, null);

    private static SiteObservation Site(TransportProbe? transport = null, FetchOutcome? missing = null) =>
        new(Home, DateTimeOffset.UnixEpoch, [], [], [], null, transport, missing, []);

    private static TransportProbe Good => new(
        Outcome(Home, FetchStatus.Ok, 200, "https://www.gd.gov.cn/", [new Redirect(Home, "https://www.gd.gov.cn/", 301)]),
        Outcome("https://www.gd.gov.cn/", FetchStatus.Ok, 200), true, true, null, true, true);

    private static CheckResult Run(ICheckFamily family, SiteObservation site) => family.Run(site, new CheckContext(ShippedRules.Options));

    private static IReadOnlyList<Finding> Findings(ICheckFamily family, SiteObservation site, string rule) =>
        Run(family, site).Findings.Where(f => f.Rule == rule).ToList();

    [Fact]
    public void Https_good_site_has_no_finding() => Assert.Empty(Findings(new SecurityChecks(), Site(Good), SecurityChecks.Https));

    [Fact]
    public void Https_not_redirected()
    {
        var finding = Assert.Single(Findings(new SecurityChecks(), Site(Good with { HttpRedirectsToHttps = false }), SecurityChecks.Https));
        Assert.Equal(Home, finding.Url);
        Assert.Contains("未跳转到HTTPS", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Https_invalid_certificate_names_the_problem()
    {
        var finding = Assert.Single(Findings(new SecurityChecks(), Site(Good with { CertificateValid = false, CertificateProblem = "证书已过期", Https = Outcome("https://www.gd.gov.cn/", FetchStatus.Tls, null) }), SecurityChecks.Https));
        Assert.Contains("证书已过期", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Https_handshake_failure_is_no_tls()
    {
        var probe = Good with { HttpRedirectsToHttps = false, CertificateValid = null, Https = Outcome("https://www.gd.gov.cn/", FetchStatus.Tls, null) };
        var finding = Assert.Single(Findings(new SecurityChecks(), Site(probe), SecurityChecks.Https));
        Assert.Contains("TLS握手失败", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Https_refused_connection_is_no_https_not_a_certificate_problem()
    {
        var probe = Good with { HttpRedirectsToHttps = false, CertificateValid = false, CertificateProblem = "no HTTPS: connection refused", Https = Outcome("https://www.gd.gov.cn/", FetchStatus.Connection, null) };
        var finding = Assert.Single(Findings(new SecurityChecks(), Site(probe), SecurityChecks.Https));
        Assert.Contains("不支持HTTPS", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("证书", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Https_probe_missing_or_scanner_fault_is_not_measured()
    {
        Assert.Contains(Run(new SecurityChecks(), Site()).NotMeasured, n => n.Rule == SecurityChecks.Https);
        var faulty = new TransportProbe(null, Outcome("https://www.gd.gov.cn/", FetchStatus.ScannerError, null), null, null, null, null, null);
        var result = Run(new SecurityChecks(), Site(faulty));
        Assert.DoesNotContain(result.Findings, f => f.Rule == SecurityChecks.Https);
        Assert.Contains(result.NotMeasured, n => n.Rule == SecurityChecks.Https);
    }

    [Fact]
    public void Ipv6_readings()
    {
        Assert.Empty(Run(new Ipv6Checks(), Site(Good)).Findings);
        Assert.Contains("AAAA", Assert.Single(Run(new Ipv6Checks(), Site(Good with { HasAaaa = false, AnswersOverIpv6 = null })).Findings).Message, StringComparison.Ordinal);
        Assert.Equal(Home, Assert.Single(Run(new Ipv6Checks(), Site(Good with { AnswersOverIpv6 = false })).Findings).Url);
        Assert.Single(Run(new Ipv6Checks(), Site()).NotMeasured);
        Assert.Single(Run(new Ipv6Checks(), Site(Good with { AnswersOverIpv6 = null })).NotMeasured);
    }

    [Fact]
    public void Soft404_readings()
    {
        var missing = "https://www.gd.gov.cn/goveval-missing-7f3a.html";
        Assert.Empty(Run(new Soft404Checks(), Site(missing: Outcome(missing, FetchStatus.HttpError, 404))).Findings);
        Assert.Empty(Run(new Soft404Checks(), Site(missing: Outcome(missing, FetchStatus.HttpError, 410))).Findings);

        var ok = Assert.Single(Run(new Soft404Checks(), Site(missing: Outcome(missing, FetchStatus.Ok, 200))).Findings);
        Assert.Equal(Home, ok.Url);
        Assert.Contains("200", ok.Message, StringComparison.Ordinal);

        var redirected = Outcome(missing, FetchStatus.Ok, 200, "https://www.gd.gov.cn/", [new Redirect(missing, "https://www.gd.gov.cn/", 302)]);
        Assert.Contains("重定向到首页", Assert.Single(Run(new Soft404Checks(), Site(missing: redirected)).Findings).Message, StringComparison.Ordinal);

        Assert.Single(Run(new Soft404Checks(), Site()).NotMeasured);
        Assert.Single(Run(new Soft404Checks(), Site(missing: Outcome(missing, FetchStatus.ScannerError, null))).NotMeasured);
        Assert.Empty(Run(new Soft404Checks(), Site(missing: Outcome(missing, FetchStatus.Timeout, null))).Findings);
    }

    [Fact]
    public void Not_measured_is_said_once_when_collection_already_said_it()
    {
        var site = Site() with { NotMeasured = [new NotMeasured(Http.Soft404Checks.Soft404, "probe failed in the scanner"), new NotMeasured(Ipv6Checks.Ipv6, "IPv6 fetch failed")] };
        Assert.Empty(Run(new Soft404Checks(), site).NotMeasured);
        Assert.Empty(Run(new Ipv6Checks(), site).NotMeasured);
        Assert.Single(Run(new SecurityChecks(), site).NotMeasured, n => n.Rule == SecurityChecks.Https);
    }
}
