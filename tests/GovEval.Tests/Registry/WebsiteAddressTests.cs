using GovEval.Core.Registry;

namespace GovEval.Tests.Registry;

public sealed class WebsiteAddressTests
{
    [Theory]
    [InlineData("https://www.gov.cn/")]
    [InlineData("http://www.bj.gov.cn")]
    [InlineData("http://www.gd440300.gov.cn:80/")]
    [InlineData("https://zwfw.example.gov.cn:443/index.html?x=1")]
    [InlineData("http://www.sz.gov.cn:8080/")]
    [InlineData("https://data.sz.gov.cn:8443/")]
    [InlineData("http://www.xx.gov.cn:81/")]
    [InlineData("http://202.96.0.1/")]
    [InlineData("http://[2400:3200::1]/")]
    [InlineData("http://政府.中国/")]
    public void Public_web_addresses_are_accepted(string url) => Assert.Null(WebsiteAddress.Problem(url));

    [Theory]
    [InlineData("http://user:pass@www.gov.cn/", "user name or password")]
    [InlineData("http://www.gov.cn@evil.example/", "user name or password")]
    [InlineData("http://www.gov.cn:22/", "port 22")]
    [InlineData("https://www.gov.cn:25/", "port 25")]
    [InlineData("http://www.gov.cn:6000/", "port 6000")]
    [InlineData("http://www.gov.cn:0/", "port 0")]
    [InlineData("http://127.0.0.1/", "loopback address")]
    [InlineData("http://127.1:8080/", "loopback address")]
    [InlineData("http://2130706433/", "loopback address")]
    [InlineData("http://0x7f000001/", "loopback address")]
    [InlineData("http://[::1]/", "loopback address")]
    [InlineData("http://[::ffff:127.0.0.1]/", "loopback address")]
    [InlineData("http://0.0.0.0/", "unspecified address")]
    [InlineData("http://10.1.2.3/", "private address")]
    [InlineData("http://172.16.0.1/", "private address")]
    [InlineData("http://192.168.1.1/", "private address")]
    [InlineData("http://[fd00::1]/", "private address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local address")]
    [InlineData("http://[fe80::1]/", "link-local address")]
    [InlineData("http://100.64.0.1/", "shared (carrier NAT) address")]
    [InlineData("http://localhost/", "local network")]
    [InlineData("http://LOCALHOST./", "local network")]
    [InlineData("http://www.localhost/", "local network")]
    [InlineData("http://printer.local/", "local network")]
    [InlineData("http://oa.corp.internal/", "local network")]
    [InlineData("http://intranet/", "one label")]
    [InlineData("ftp://www.gov.cn/", "not an absolute http(s) URL")]
    [InlineData("www.gov.cn", "not an absolute http(s) URL")]
    // A small-form character inside the host: System.Uri parses it, IDNA cannot spell it (found by CsvImportFuzzTests).
    [InlineData("https://qh.sz.\uFE67\u00FFov.cn/", "not a valid internationalised domain name")]
    public void Addresses_collection_must_not_visit_are_refused_saying_why(string url, string reason)
    {
        var problem = WebsiteAddress.Problem(url);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowing_internal_hosts_still_refuses_credentials_and_ports_no_browser_opens()
    {
        Assert.Null(WebsiteAddress.Problem("http://192.168.1.10:8080/", allowInternal: true));
        Assert.Null(WebsiteAddress.Problem("http://oa/", allowInternal: true));
        var problem = WebsiteAddress.Problem("http://user:pass@127.0.0.1:22/", allowInternal: true);

        Assert.NotNull(problem);
        Assert.Contains("user name or password", problem, StringComparison.Ordinal);
        Assert.Contains("port 22", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("loopback", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("pass@", problem, StringComparison.Ordinal);
    }
}
