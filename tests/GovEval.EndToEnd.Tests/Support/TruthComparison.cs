using GovEval.Core.Observations;
using GovEval.Sandbox.Truth;

namespace GovEval.EndToEnd.Tests.Support;

/// <summary>Per-rule precision and recall of findings against the simulated web's truth, by (host, rule, normalised url).</summary>
public sealed record RuleScore(string Rule, int Truth, int Found, int Matched, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra)
{
    public double Precision => Found == 0 ? 1 : Matched / (double)Found;

    public double Recall => Truth == 0 ? 1 : Matched / (double)Truth;

    public override string ToString() =>
        $"{Rule,-24} truth {Truth,4} found {Found,4} matched {Matched,4} precision {Precision:0.000} recall {Recall:0.000}"
        + string.Concat(Missed.Take(4).Select(m => $"\n    missed {m}")) + string.Concat(Extra.Take(4).Select(e => $"\n    extra  {e}"));
}

public static class TruthComparison
{
    public static IReadOnlyList<RuleScore> Compare(SandboxTruth truth, IReadOnlyDictionary<string, IReadOnlyList<Finding>> findingsByHost, IEnumerable<string> rules)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var actual = new HashSet<string>(StringComparer.Ordinal);
        foreach (var site in truth.Sites)
        {
            foreach (var defect in site.Defects)
            {
                expected.Add(Key(site.Host, defect.Rule, defect.Url));
            }

            foreach (var finding in findingsByHost.GetValueOrDefault(site.Host) ?? [])
            {
                actual.Add(Key(site.Host, finding.Rule, finding.Url));
            }
        }

        return rules.Select(rule =>
        {
            var e = expected.Where(k => k.Split(' ')[1] == rule).ToHashSet(StringComparer.Ordinal);
            var a = actual.Where(k => k.Split(' ')[1] == rule).ToHashSet(StringComparer.Ordinal);
            var matched = e.Intersect(a).Count();
            return new RuleScore(rule, e.Count, a.Count, matched, e.Except(a).Order(StringComparer.Ordinal).ToList(), a.Except(e).Order(StringComparer.Ordinal).ToList());
        }).ToList();
    }

    private static string Key(string host, string rule, string url) => $"{host} {rule} {UrlNormalizer.Normalize(url)}";
}
