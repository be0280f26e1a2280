using GovEval.Checks.Columns;
using GovEval.Core.Observations;

namespace GovEval.Checks.Links;

/// <summary>
/// Unusable links (RULES.md: links.broken-homepage, links.broken, downloads.broken, services.system-down). A
/// target is broken only when the site is at fault (HTTP error, DNS, TLS, reset, timeout, redirect loop); what
/// the scanner could not tell (its own faults, robots, limits) never counts. One finding per distinct target:
/// a target linked from the homepage is reported there only; otherwise an online-service entry of 办事服务 is a
/// system down, a file is a broken download, anything else a broken link.
/// </summary>
public sealed class BrokenLinks : ICheckFamily
{
    public const string HomepageRule = "links.broken-homepage";
    public const string LinksRule = "links.broken";
    public const string DownloadsRule = "downloads.broken";
    public const string SystemsRule = "services.system-down";

    public IReadOnlyList<string> Rules { get; } = [HomepageRule, LinksRule, DownloadsRule, SystemsRule];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var homeUrls = SitePages.HomepageUrls(observation);
        var links = observation.Links.Where(l => l.Outcome is not null && l.Source is not (LinkSource.Form or LinkSource.Other)).ToList();
        var targets = links.GroupBy(l => UrlNormalizer.Normalize(l.Target), StringComparer.Ordinal).ToList();
        var systems = ServiceEntries.Find(observation, context);
        var findings = new List<Finding>();
        foreach (var group in targets.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            context.Cancel.ThrowIfCancellationRequested();
            var outcome = group.Select(l => l.Outcome!).FirstOrDefault(o => !o.IsSiteFault) ?? group.First().Outcome!;
            if (!outcome.IsSiteFault)
            {
                continue;
            }

            var target = group.First().Target;
            var fromHome = group.FirstOrDefault(l => homeUrls.Contains(UrlNormalizer.Normalize(l.Page)));
            var seenOn = fromHome?.Page ?? group.Select(l => l.Page).OrderBy(p => p, StringComparer.Ordinal).First();
            var reason = Reason(outcome);
            var (rule, message) = fromHome is not null
                ? (HomepageRule, $"首页链接无法访问（{reason}）")
                : systems.ContainsKey(group.Key)
                    ? (SystemsRule, $"在线办事系统无法访问（{reason}）")
                    : IsDownload(group.Key, context.Options)
                        ? (DownloadsRule, $"附件无法下载（{reason}）")
                        : (LinksRule, $"链接无法访问（{reason}）");
            findings.Add(new Finding(rule, Severity.Deduction, target, seenOn, message, outcome.Evidence));
        }

        var measurements = new Dictionary<string, decimal>
        {
            ["links.total"] = targets.Count,
            ["links.broken"] = findings.Count,
        };
        return new CheckResult(findings, measurements, []);
    }

    /// <summary>Why the target is unusable, in the words of the report.</summary>
    public static string Reason(FetchOutcome outcome) => outcome.Status switch
    {
        FetchStatus.HttpError => $"HTTP {outcome.HttpStatus}",
        FetchStatus.Dns => "域名无法解析",
        FetchStatus.Tls => "证书或加密连接错误",
        FetchStatus.Connection => "连接被拒绝或重置",
        FetchStatus.Timeout => "响应超时",
        FetchStatus.RedirectLoop => "重定向循环",
        _ => outcome.Status.ToString(),
    };

    private static bool IsDownload(string url, CheckOptions options)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var path = uri.AbsolutePath;
        var dot = path.LastIndexOf('.');
        return dot > path.LastIndexOf('/') && options.DownloadExtensions.Contains(path[(dot + 1)..]);
    }
}
