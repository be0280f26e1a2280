using GovEval.Core.Observations;
using GovEval.Sandbox.Truth;

namespace GovEval.Checks.Tests.Text;

/// <summary>Truth entries and findings as (host, rule, normalised url) keys, the comparison RULES.md §5 defines.</summary>
public static class TruthKeys
{
    public static IEnumerable<string> Of(SiteTruth site, IReadOnlyCollection<string> rules) =>
        site.Defects.Where(d => rules.Contains(d.Rule)).Select(d => Key(site.Host, d.Rule, d.Url));

    public static string Of(string host, Finding finding) => Key(host, finding.Rule, finding.Url);

    public static string RuleOf(string key) => key.Split(' ')[1];

    private static string Key(string host, string rule, string url) => $"{host} {rule} {UrlNormalizer.Normalize(url)}";
}
