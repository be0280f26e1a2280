using System.Net;
using System.Text;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;
using GovEval.Sandbox.Tests.Support;

namespace GovEval.Sandbox.Tests;

/// <summary>HTTPS, IPv6, charsets and the availability schedule, over real sockets.</summary>
[Collection(LiveSandboxCollection.Name)]
public sealed class TransportTests(LiveSandbox live)
{
    [Fact]
    public async Task Good_sites_redirect_to_https_with_a_certificate_that_chains_to_the_sandbox_root()
    {
        var site = live.Sites(s => s.Https == HttpsMode.Good).First();
        using var client = live.Client();
        using var http = await client.GetAsync($"http://{site.Host}/zwgk/xxgkzn/index.html");
        Assert.Equal(HttpStatusCode.MovedPermanently, http.StatusCode);
        Assert.Equal($"https://{site.Host}/zwgk/xxgkzn/index.html", http.Headers.Location!.ToString());
        using var https = await client.GetAsync(http.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.True(live.CertificateVerdicts[site.Host]);
    }

    [Theory]
    [InlineData(HttpsMode.ExpiredCertificate)]
    [InlineData(HttpsMode.WrongNameCertificate)]
    [InlineData(HttpsMode.SelfSignedCertificate)]
    public async Task Invalid_certificates_fail_validation_and_http_is_not_redirected(HttpsMode mode)
    {
        var site = live.Sites(s => s.Https == mode).First();
        using var client = live.Client();
        using var http = await client.GetAsync($"http://{site.Host}/");
        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        using var https = await client.GetAsync($"https://{site.Host}/");
        Assert.Equal(HttpStatusCode.OK, https.StatusCode);
        Assert.False(live.CertificateVerdicts[site.Host]);
    }

    [Fact]
    public async Task A_site_without_https_fails_the_handshake()
    {
        var site = live.Sites(s => s.Https == HttpsMode.NoTls).First();
        using var client = live.Client();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"https://{site.Host}/"));
        using var http = await client.GetAsync($"http://{site.Host}/");
        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
    }

    [Fact]
    public async Task Ipv6_answers_only_for_sites_that_have_it_and_routes_list_only_addressed_hosts()
    {
        Assert.True(live.Server.Ipv6HttpPort > 0, "this machine has ::1");
        var routes = live.Server.Ipv6Routes().ToList();
        Assert.Equal(2 * live.Server.Population.Sites.Count, live.Server.Routes().Count());
        Assert.DoesNotContain(live.Server.Routes(), r => r.Contains("[::1]", StringComparison.Ordinal));
        var good = live.Sites(s => s.Ipv6 == Ipv6Mode.Answers && s.Https != HttpsMode.NoTls).First();
        var silent = live.Sites(s => s.Ipv6 == Ipv6Mode.NoAnswer).First();
        var none = live.Sites(s => s.Ipv6 == Ipv6Mode.NoAddress).First();
        Assert.Contains($"{good.Host}:80:[::1]:{live.Server.Ipv6HttpPort}", routes);
        Assert.Contains($"{silent.Host}:443:[::1]:{live.Server.Ipv6TlsPort}", routes);
        Assert.DoesNotContain(routes, r => r.StartsWith(none.Host + ":80:[::1]", StringComparison.Ordinal));
        Assert.Contains($"{none.Host}:80:127.0.0.1:{live.Server.HttpPort}", live.Server.Routes());

        using var v6 = live.Client(ipv6: true);
        using var answered = await v6.GetAsync($"{good.Scheme}://{good.Host}/robots.txt");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => v6.GetAsync($"http://{silent.Host}/robots.txt"));
    }

    [Fact]
    public async Task Gbk_and_gb18030_pages_are_encoded_as_declared_or_misdeclared()
    {
        using var client = live.Client();
        foreach (var declaration in new[] { CharsetDeclaration.HeaderAndMeta, CharsetDeclaration.Undeclared, CharsetDeclaration.HeaderOverridesMeta, CharsetDeclaration.MetaGb2312ForGbk })
        {
            var site = live.Sites(s => s.Encoding == PageEncoding.Gbk && s.Declaration == declaration && s.Https != HttpsMode.NoTls).First();
            using var response = await client.GetAsync($"{site.Scheme}://{site.Host}/lxwm.html");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var gbk = Encoding.GetEncoding(936).GetString(bytes);
            Assert.Contains(site.Name, gbk, StringComparison.Ordinal);
            Assert.DoesNotContain(site.Name, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            var header = response.Content.Headers.ContentType!.CharSet;
            switch (declaration)
            {
                case CharsetDeclaration.HeaderAndMeta:
                    Assert.Equal("gbk", header);
                    Assert.Contains("<meta charset=\"gbk\">", gbk, StringComparison.Ordinal);
                    break;
                case CharsetDeclaration.Undeclared:
                    Assert.Null(header);
                    Assert.DoesNotContain("charset", gbk, StringComparison.OrdinalIgnoreCase);
                    break;
                case CharsetDeclaration.HeaderOverridesMeta:
                    Assert.Equal("gbk", header);
                    Assert.Contains("<meta charset=\"utf-8\">", gbk, StringComparison.Ordinal);
                    break;
                default:
                    Assert.Null(header);
                    Assert.Contains("charset=gb2312", gbk, StringComparison.Ordinal);
                    Assert.Contains("堃华路", gbk, StringComparison.Ordinal);
                    break;
            }
        }

        var bom = live.Sites(s => s.Declaration == CharsetDeclaration.BomOverridesHeader && s.Https != HttpsMode.NoTls).First();
        using var bomResponse = await client.GetAsync($"{bom.Scheme}://{bom.Host}/lxwm.html");
        var bomBytes = await bomResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bomBytes[..3]);
        Assert.Equal("gbk", bomResponse.Content.Headers.ContentType!.CharSet);
        Assert.Contains(bom.Name, Encoding.UTF8.GetString(bomBytes), StringComparison.Ordinal);

        var gb18030 = live.Sites(s => s.Encoding == PageEncoding.Gb18030 && s.Declaration == CharsetDeclaration.HeaderAndMeta && s.Https != HttpsMode.NoTls).First();
        using var gbResponse = await client.GetAsync($"{gb18030.Scheme}://{gb18030.Host}/lxwm.html");
        Assert.Equal("gb18030", gbResponse.Content.Headers.ContentType!.CharSet);
        Assert.Contains(gb18030.Name, Encoding.GetEncoding(54936).GetString(await gbResponse.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_availability_schedule_fails_exactly_the_configured_share_of_every_100_slots()
    {
        var sites = live.Server.Population.Sites.Select(live.Server.Site).Where(s => s.FailurePercent > 0).ToList();
        Assert.Contains(sites, s => s.FailurePercent < 5);
        Assert.Contains(sites, s => s.FailurePercent >= 5);
        foreach (var site in sites)
        {
            for (var start = 0L; start < 1000; start += 337)
            {
                var failures = Enumerable.Range(0, 100).Count(i => site.HomepageFailsIn(start + i));
                Assert.Equal(site.FailurePercent, failures);
            }
        }

        Assert.All(live.Server.Population.Sites.Select(live.Server.Site).Where(s => s.FailurePercent == 0), s => Assert.False(s.HomepageFailsIn(42)));
    }

    [Fact]
    public void A_monitor_visiting_once_a_slot_for_a_day_sees_the_failure_share_of_the_truth()
    {
        var server = Sandboxes.Create(9, 200, LiveSandbox.Scale, live.Clock);
        var site = server.Population.Sites.Select(server.Site).First(s => s.FailurePercent >= 5 && !s.Faults.HasFlag(Quality.FaultKind.RateLimit));
        var slot = server.Options.AvailabilitySlot;
        var threshold = server.Options.Scaled(TimeSpan.FromSeconds(15));
        var start = live.Clock.Now;
        var failed = 0;
        for (var visit = 0; visit < 100; visit++)
        {
            live.Clock.Now = start + slot * visit + TimeSpan.FromSeconds(30);
            var response = server.Answer(site.Host, new SandboxRequest("GET", "/", "", site.Https == HttpsMode.Good));
            failed += response.Delay > threshold ? 1 : 0;
        }

        live.Clock.Now = start;
        Assert.Equal(site.FailurePercent, failed);
    }

    [Fact]
    public async Task In_a_failing_slot_the_homepage_takes_longer_than_the_15_second_rule()
    {
        var site = live.Sites(s => s.FailurePercent >= 5 && s.Https != HttpsMode.NoTls).First();
        var slot = live.Server.Options.AvailabilitySlot;
        var baseSlot = (long)Math.Floor((live.Clock.Now - DateTimeOffset.UnixEpoch) / slot);
        var failing = Enumerable.Range(0, 100).Select(i => baseSlot + i).First(site.HomepageFailsIn);
        var passing = Enumerable.Range(0, 100).Select(i => baseSlot + i).First(s => !site.HomepageFailsIn(s));
        using var client = live.Client(timeout: live.Server.Options.Scaled(TimeSpan.FromSeconds(15)));
        var saved = live.Clock.Now;
        try
        {
            live.Clock.Now = DateTimeOffset.UnixEpoch + slot * failing;
            await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync($"{site.Scheme}://{site.Host}/"));
            live.Clock.Now = DateTimeOffset.UnixEpoch + slot * passing;
            using var fine = await client.GetAsync($"{site.Scheme}://{site.Host}/");
            Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        }
        finally
        {
            live.Clock.Now = saved;
        }
    }

    [Fact]
    public async Task An_unknown_host_is_refused_by_name()
    {
        using var client = live.Client();
        using var response = await client.GetAsync("http://www.not-in-sandbox.gov.cn/");
        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }
}
