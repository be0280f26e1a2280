using GovEval.Core.Observations;
using GovEval.Sandbox.Truth;
using Xunit.Abstractions;

namespace GovEval.Checks.Tests.Support;

/// <summary>Compares findings with the sandbox's ground truth by (host, rule, normalised url), rule by rule.</summary>
public static class TruthComparison
{
    public static readonly string[] Rules =
    [
        "availability.homepage", "veto.unreachable",
        "links.broken-homepage", "links.broken", "downloads.broken", "services.system-down",
        "freshness.homepage", "veto.homepage-stale", "freshness.column", "columns.blank", "veto.columns-stale",
        "interaction.channel", "interaction.unanswered", "interaction.slow-reply", "veto.interaction",
        "services.guide-elements", "veto.services",
        "search.missing", "search.not-found",
    ];

    public sealed record RuleScore(string Rule, int Truth, int Found, int Hits)
    {
        public double Precision => Found == 0 ? 1.0 : Hits / (double)Found;

        public double Recall => Truth == 0 ? 1.0 : Hits / (double)Truth;
    }

    public static List<RuleScore> Score(
        IEnumerable<SiteTruth> truth, IReadOnlyDictionary<string, IReadOnlyList<Finding>> findings, ITestOutputHelper? output, string label)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var actual = new HashSet<string>(StringComparer.Ordinal);
        foreach (var site in truth)
        {
            foreach (var defect in site.Defects.Where(d => Rules.Contains(d.Rule)))
            {
                expected.Add($"{site.Host} {defect.Rule} {UrlNormalizer.Normalize(defect.Url)}");
            }

            foreach (var finding in findings[site.Host].Where(f => Rules.Contains(f.Rule)))
            {
                actual.Add($"{site.Host} {finding.Rule} {UrlNormalizer.Normalize(finding.Url)}");
            }
        }

        var scores = new List<RuleScore>();
        foreach (var rule in Rules)
        {
            var e = expected.Where(x => x.Split(' ')[1] == rule).ToHashSet();
            var a = actual.Where(x => x.Split(' ')[1] == rule).ToHashSet();
            var score = new RuleScore(rule, e.Count, a.Count, e.Intersect(a).Count());
            scores.Add(score);
            output?.WriteLine($"{label} {rule,-24} truth {e.Count,4} found {a.Count,4} hits {score.Hits,4} P {score.Precision:0.000} R {score.Recall:0.000}");
            foreach (var miss in e.Except(a).Take(5))
            {
                output?.WriteLine($"    missed {miss}");
            }

            foreach (var extra in a.Except(e).Take(5))
            {
                output?.WriteLine($"    extra  {extra}");
            }
        }

        return scores;
    }
}
