using GovEval.Checks.Tests.Support;
using GovEval.Core.Observations;
using GovEval.Sandbox.Server;
using Xunit.Abstractions;

namespace GovEval.Checks.Tests;

/// <summary>
/// The families of this engineer against the simulated web's ground truth, through the small in-process
/// collector (<see cref="SandboxCollector"/>): every rule must reach precision and recall of at least 0.97 on each
/// seed. <see cref="CollectedSandboxTests"/> does the same through the real collector over sockets.
/// </summary>
public sealed class SandboxAccuracyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(3, 30)]
    [InlineData(11, 30)]
    [InlineData(29, 30)]
    public void Findings_match_the_ground_truth(long seed, int sites)
    {
        var now = new DateTimeOffset(2020, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));
        var clock = new SandboxCollector.Clock(now);
        var server = new SandboxServer(new SandboxOptions { Seed = seed, Sites = sites, Now = now, DelayScale = 0.01, Clock = clock, Ipv6 = false });
        var truth = server.Truth();
        var findings = new Dictionary<string, IReadOnlyList<Finding>>(StringComparer.Ordinal);
        foreach (var site in truth.Sites)
        {
            findings[site.Host] = SiteChecks.Run(SandboxCollector.Collect(server, clock, site.Host, now), ShippedRules.Options).Findings;
        }

        foreach (var score in TruthComparison.Score(truth.Sites, findings, output, $"seed {seed}"))
        {
            Assert.True(score.Precision >= 0.97 && score.Recall >= 0.97, $"{score.Rule}: precision {score.Precision:0.000}, recall {score.Recall:0.000} (seed {seed})");
        }
    }
}
