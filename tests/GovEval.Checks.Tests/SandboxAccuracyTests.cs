using GovEval.Checks.Tests.Support;
using GovEval.Core.Observations;
using GovEval.Sandbox.Server;
using Xunit.Abstractions;

namespace GovEval.Checks.Tests;

/// <summary>
/// The families of this engineer against the simulated web's ground truth: findings and truth compare by (host,
/// rule, normalised url), and every rule must reach precision and recall of at least 0.97 on each seed.
/// </summary>
public sealed class SandboxAccuracyTests(ITestOutputHelper output)
{
    private static readonly string[] Rules =
    [
        "availability.homepage", "veto.unreachable",
        "links.broken-homepage", "links.broken", "downloads.broken", "services.system-down",
        "freshness.homepage", "veto.homepage-stale", "freshness.column", "columns.blank", "veto.columns-stale",
        "interaction.channel", "interaction.unanswered", "interaction.slow-reply", "veto.interaction",
        "services.guide-elements", "veto.services",
        "search.missing", "search.not-found",
    ];

    [Theory]
    [InlineData(3, 30)]
    [InlineData(11, 30)]
    [InlineData(29, 30)]
    public void Findings_match_the_ground_truth(long seed, int sites)
    {
        var report = Measure(seed, sites, output);
        foreach (var (rule, tp, fp, fn) in report)
        {
            var precision = tp + fp == 0 ? 1.0 : tp / (double)(tp + fp);
            var recall = tp + fn == 0 ? 1.0 : tp / (double)(tp + fn);
            Assert.True(precision >= 0.97 && recall >= 0.97, $"{rule}: precision {precision:0.000}, recall {recall:0.000} (seed {seed})");
        }
    }

    internal static List<(string Rule, int Tp, int Fp, int Fn)> Measure(long seed, int sites, ITestOutputHelper? output)
    {
        var now = new DateTimeOffset(2020, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));
        var clock = new SandboxCollector.Clock(now);
        var server = new SandboxServer(new SandboxOptions { Seed = seed, Sites = sites, Now = now, DelayScale = 0.01, Clock = clock, Ipv6 = false });
        var truth = server.Truth();
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var actual = new HashSet<string>(StringComparer.Ordinal);
        foreach (var site in truth.Sites)
        {
            foreach (var defect in site.Defects.Where(d => Rules.Contains(d.Rule)))
            {
                expected.Add($"{site.Host} {defect.Rule} {UrlNormalizer.Normalize(defect.Url)}");
            }

            var observation = SandboxCollector.Collect(server, clock, site.Host, now);
            foreach (var finding in SiteChecks.Run(observation).Findings.Where(f => Rules.Contains(f.Rule)))
            {
                actual.Add($"{site.Host} {finding.Rule} {UrlNormalizer.Normalize(finding.Url)}");
            }
        }

        var report = new List<(string, int, int, int)>();
        foreach (var rule in Rules)
        {
            var e = expected.Where(x => x.Split(' ')[1] == rule).ToHashSet();
            var a = actual.Where(x => x.Split(' ')[1] == rule).ToHashSet();
            var tp = e.Intersect(a).Count();
            report.Add((rule, tp, a.Count - tp, e.Count - tp));
            output?.WriteLine($"seed {seed} {rule,-24} truth {e.Count,4} found {a.Count,4} tp {tp,4}");
            foreach (var miss in e.Except(a).Take(5))
            {
                output?.WriteLine($"    missed {miss}");
            }

            foreach (var extra in a.Except(e).Take(5))
            {
                output?.WriteLine($"    extra  {extra}");
            }
        }

        return report;
    }
}
