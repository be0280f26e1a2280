using AngleSharp.Dom;
using GovEval.Checks.Text;
using GovEval.Core.Observations;

namespace GovEval.Checks.Security;

/// <summary>
/// security.https (transport probe), security.headers (the homepage response on the scheme the site ends up on)
/// and security.mixed-content (HTTPS pages that load http:// images, scripts, stylesheets or frames; plain
/// links are navigation, not loading). A probe the scanner did not complete is "not measured", never a finding.
/// </summary>
public sealed class SecurityChecks : ICheckFamily
{
    public const string Https = "security.https";
    public const string Headers = "security.headers";
    public const string MixedContent = "security.mixed-content";

    public IReadOnlyList<string> Rules { get; } = [Https, Headers, MixedContent];

    public IReadOnlyList<string> CrawlRules { get; } = [Headers, MixedContent];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var findings = new List<Finding>();
        var notMeasured = new List<NotMeasured>();
        var homepage = observation.Homepage;

        switch (HttpsProblems(observation.Transport))
        {
            case null:
                NotMeasuredOnce.Add(notMeasured, observation, Https, "未完成HTTPS探测");
                break;
            case { Count: > 0 } problems:
                findings.Add(new Finding(Https, Severity.Deduction, homepage, homepage, string.Join("；", problems)));
                break;
        }

        var page = SitePages.Homepage(observation);
        if (page is null || page.Outcome.Status != FetchStatus.Ok)
        {
            NotMeasuredOnce.Add(notMeasured, observation, Headers, "首页未能取得响应");
        }
        else
        {
            var missing = HeaderPolicy.Missing(name => SitePages.Header(page, name));
            if (missing.Count > 0)
            {
                findings.Add(new Finding(Headers, Severity.Warning, homepage, SitePages.AddressOf(page), $"首页响应缺少安全响应头：{string.Join("、", missing)}"));
            }
        }

        foreach (var (url, p) in SitePages.WithHtml(observation))
        {
            context.Cancel.ThrowIfCancellationRequested();
            if (!url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || context.Document(p) is not { } document)
            {
                continue;
            }

            var insecure = InsecureResources(document).Distinct(StringComparer.Ordinal).ToList();
            if (insecure.Count > 0)
            {
                var more = insecure.Count > 1 ? $"等{insecure.Count}个" : "";
                findings.Add(new Finding(MixedContent, Severity.Warning, url, url, $"HTTPS页面加载了HTTP资源：{insecure[0]}{more}"));
            }
        }

        return new CheckResult(findings, new Dictionary<string, decimal>(), notMeasured);
    }

    /// <summary>What is wrong with HTTPS, empty when nothing; null when the probe says too little to judge.</summary>
    public static IReadOnlyList<string>? HttpsProblems(TransportProbe? transport)
    {
        if (transport is null)
        {
            return null;
        }

        var problems = new List<string>();
        var https = transport.Https;
        var httpsUnknown = https is null || https.IsUnknown;
        if (!httpsUnknown && https!.Status is FetchStatus.Connection or FetchStatus.Timeout or FetchStatus.Dns)
        {
            problems.Add("网站不支持HTTPS访问（无法建立HTTPS连接）");
        }
        else if (transport.CertificateValid == false)
        {
            problems.Add($"HTTPS证书无效{CertificateReason(transport.CertificateProblem)}");
        }
        else if (!httpsUnknown && https!.Status is FetchStatus.Tls)
        {
            problems.Add("网站不支持HTTPS访问（TLS握手失败）");
        }

        if (transport.HttpRedirectsToHttps == false)
        {
            problems.Add("HTTP访问未跳转到HTTPS");
        }

        if (problems.Count == 0 && (transport.HttpRedirectsToHttps is null || (httpsUnknown && transport.CertificateValid is null)))
        {
            return null;
        }

        return problems;
    }

    /// <summary>The collector's certificate problem in the report's language, the original kept for the expert.</summary>
    private static string CertificateReason(string? problem)
    {
        if (string.IsNullOrWhiteSpace(problem))
        {
            return "";
        }

        var lower = problem.ToLowerInvariant();
        var reason = lower.Contains("expired", StringComparison.Ordinal) || lower.Contains("nottimevalid", StringComparison.Ordinal) ? "证书已过期"
            : lower.Contains("name", StringComparison.Ordinal) ? "证书域名不符"
            : lower.Contains("self", StringComparison.Ordinal) || lower.Contains("untrusted", StringComparison.Ordinal) || lower.Contains("chain", StringComparison.Ordinal) ? "证书不受信任"
            : null;
        return reason is null ? $"（{problem}）" : $"（{reason}：{problem}）";
    }

    /// <summary>http:// addresses of subresources the page loads (not links it offers).</summary>
    public static IEnumerable<string> InsecureResources(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("img, script[src], iframe[src], frame[src], embed[src], video, audio, source, link[href]"))
        {
            var name = element.LocalName;
            if (name == "link" && !(element.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Any(r => r.Equals("stylesheet", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var attributes = name switch
            {
                "link" => ["href"],
                "img" or "source" => ["src", "srcset"],
                "video" => ["src", "poster"],
                _ => new[] { "src" },
            };
            foreach (var attribute in attributes)
            {
                var value = element.GetAttribute(attribute);
                if (value is null)
                {
                    continue;
                }

                foreach (var candidate in attribute == "srcset" ? value.Split(',').Select(c => c.Trim().Split(' ')[0]) : [value.Trim()])
                {
                    if (candidate.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                    {
                        yield return candidate;
                    }
                }
            }
        }
    }
}
