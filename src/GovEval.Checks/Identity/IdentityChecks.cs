using System.Text.RegularExpressions;
using GovEval.Checks.Text;
using GovEval.Core.Observations;

namespace GovEval.Checks.Identity;

/// <summary>
/// identity.site-id-code, identity.footer and identity.domain: what 政府网站发展指引 requires a site to say about
/// itself. All three are site-level (url = the homepage as given). The domain is judged from the address alone;
/// the other two need the homepage's HTML, and are "not measured" without it.
/// </summary>
public sealed partial class IdentityChecks : ICheckFamily
{
    public const string SiteId = "identity.site-id-code";
    public const string Footer = "identity.footer";
    public const string Domain = "identity.domain";

    public IReadOnlyList<string> Rules { get; } = [SiteId, Footer, Domain];

    public IReadOnlyList<string> CrawlRules { get; } = [SiteId, Footer];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var findings = new List<Finding>();
        var notMeasured = new List<NotMeasured>();
        var homepage = observation.Homepage;

        if (DomainProblem(homepage) is { } domainProblem)
        {
            findings.Add(new Finding(Domain, Severity.Deduction, homepage, homepage, domainProblem));
        }

        var page = SitePages.Homepage(observation);
        var document = page is { Outcome.Status: FetchStatus.Ok } ? context.Document(page) : null;
        if (page is null || document is null)
        {
            NotMeasuredOnce.Add(notMeasured, observation, SiteId, "首页未能取得HTML");
            NotMeasuredOnce.Add(notMeasured, observation, Footer, "首页未能取得HTML");
            return new CheckResult(findings, new Dictionary<string, decimal>(), notMeasured);
        }

        var where = SitePages.AddressOf(page);
        var codes = document.QuerySelectorAll("meta[name]")
            .Where(m => m.GetAttribute("name")!.Trim().Equals("SiteIDCode", StringComparison.OrdinalIgnoreCase))
            .Select(m => (m.GetAttribute("content") ?? "").Trim())
            .ToList();
        if (codes.Count == 0)
        {
            findings.Add(new Finding(SiteId, Severity.Deduction, homepage, where, "首页缺少网站标识码（SiteIDCode）"));
        }
        else if (!SiteIdCode.IsWellFormed(codes[0]))
        {
            findings.Add(new Finding(SiteId, Severity.Deduction, homepage, where,
                $"首页网站标识码（SiteIDCode）格式错误：“{codes[0]}”，应为6位行政区划代码加4位数字，或bm加8位数字"));
        }

        var footerText = string.Join("\n", FooterLocator.Find(document).Select(PageText.Extract));
        var missing = FooterGaps(footerText);
        if (missing.Count > 0)
        {
            findings.Add(new Finding(Footer, Severity.Deduction, homepage, where, $"首页页脚缺少：{string.Join("、", missing)}"));
        }

        return new CheckResult(findings, new Dictionary<string, decimal>(), notMeasured);
    }

    /// <summary>What the footer fails to say, in the order the guideline lists them.</summary>
    public static IReadOnlyList<string> FooterGaps(string footer)
    {
        var missing = new List<string>();
        if (!footer.Contains("主办", StringComparison.Ordinal))
        {
            missing.Add("主办单位");
        }

        if (!SiteCodeLabel().IsMatch(footer))
        {
            missing.Add("网站标识码");
        }

        if (!IcpNumber().IsMatch(footer))
        {
            missing.Add("ICP备案号");
        }

        if (!PublicSecurityNumber().IsMatch(footer))
        {
            missing.Add("公安机关备案号");
        }

        return missing;
    }

    /// <summary>
    /// A problem with the host name, or null. The guideline wants www.&lt;x&gt;.gov.cn for a portal and
    /// &lt;y&gt;.&lt;x&gt;.gov.cn for a department; from the name alone a check cannot tell a portal from a department,
    /// so it reports hosts outside .gov.cn, bare &lt;x&gt;.gov.cn, and names nested deeper than two labels.
    /// </summary>
    public static string? DomainProblem(string homepage)
    {
        if (!Uri.TryCreate(homepage, UriKind.Absolute, out var uri))
        {
            return $"网站地址“{homepage}”无法解析";
        }

        if (UrlNormalizer.IdnHost(uri) is not { } idn)
        {
            return $"网站地址“{homepage}”的主机名不是有效的国际化域名";
        }

        var host = idn.ToLowerInvariant().TrimEnd('.');
        if (!host.EndsWith(".gov.cn", StringComparison.Ordinal))
        {
            return $"网站域名“{host}”不在.gov.cn下，政府网站应使用.gov.cn域名";
        }

        var labels = host[..^".gov.cn".Length].Split('.');
        return labels.Length switch
        {
            1 => $"网站域名“{host}”不规范：门户网站应为www.{labels[0]}.gov.cn，部门网站应为“部门.{labels[0]}.gov.cn”",
            2 => null,
            _ => $"网站域名“{host}”层级过多：应为www.<地区>.gov.cn或<部门>.<地区>.gov.cn",
        };
    }

    [GeneratedRegex(@"标识码")]
    private static partial Regex SiteCodeLabel();

    [GeneratedRegex(@"ICP\s*备\s*[0-9]{4,}", RegexOptions.IgnoreCase)]
    private static partial Regex IcpNumber();

    // 京公网安备 11010202000001号 is the printed form; some footers label it 公安机关备案号 or 公安备案号 instead.
    [GeneratedRegex(@"(?:公网安备|公安机关备案号|公安备案号)[：:\s]*(?:[\u4e00-\u9fff]{1,2}公网安备\s*)?[0-9]{6,}")]
    private static partial Regex PublicSecurityNumber();
}
