using GovEval.Core.Observations;

namespace GovEval.Checks.Http;

/// <summary>
/// http.soft-404: a random path that cannot exist must answer 404 (or 410). A 200 "not found" page or a redirect
/// to the homepage hides broken links from every link checker and search engine. A probe the scanner could not
/// complete is "not measured"; a site that times out on it is judged by other rules, not this one.
/// </summary>
public sealed class Soft404Checks : ICheckFamily
{
    public const string Soft404 = "http.soft-404";

    public IReadOnlyList<string> Rules { get; } = [Soft404];

    public IReadOnlyList<string> CrawlRules { get; } = [];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var probe = observation.MissingPageProbe;
        if (probe is null || probe.IsUnknown)
        {
            var notMeasured = new List<NotMeasured>();
            Text.NotMeasuredOnce.Add(notMeasured, observation, Soft404, "未完成不存在页面探测");
            return new CheckResult([], new Dictionary<string, decimal>(), notMeasured);
        }

        if (probe.Status != FetchStatus.Ok)
        {
            return CheckResult.Empty;
        }

        var homepage = observation.Homepage;
        var message = probe.Redirects.Count > 0 && IsHomepage(probe.FinalUrl, homepage)
            ? $"访问不存在的页面被重定向到首页（{probe.Url}）"
            : $"访问不存在的页面返回状态码{probe.HttpStatus ?? 200}而不是404（{probe.Url}）";
        return new CheckResult([new Finding(Soft404, Severity.Warning, homepage, probe.Url, message)], new Dictionary<string, decimal>(), []);
    }

    private static bool IsHomepage(string? url, string homepage)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var target) || !Uri.TryCreate(homepage, UriKind.Absolute, out var home))
        {
            return false;
        }

        return UrlNormalizer.IdnHost(target) is { } host && string.Equals(host, UrlNormalizer.IdnHost(home), StringComparison.OrdinalIgnoreCase)
            && target.AbsolutePath is "/" or "/index.html" or "/index.htm" or "/index.shtml" or "/index.jsp" or "/index.php" or "/default.html";
    }
}
