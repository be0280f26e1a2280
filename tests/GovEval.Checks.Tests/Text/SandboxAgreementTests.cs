using GovEval.Checks;
using GovEval.Core.Observations;
using GovEval.Sandbox.Server;
using Xunit.Abstractions;

namespace GovEval.Checks.Tests.Text;

/// <summary>
/// Precision and recall of these families against the sandbox's ground truth, compared by (host, rule,
/// normalised url) as RULES.md §5 says. Pages come from <see cref="SandboxAnswerCrawler"/>, which cannot see TLS
/// or IPv6: security.https and network.ipv6 are measured by <see cref="CollectorAgreementTests"/>.
/// </summary>
public sealed class SandboxAgreementTests(ITestOutputHelper output)
{
    private static readonly string[] Asserted =
    [
        "identity.site-id-code", "identity.footer", "identity.domain", "meta.page-tags", "security.mixed-content",
        "content.typo", "content.sensitive", "veto.serious-error", "privacy.pii", "http.soft-404", "security.headers",
    ];

    private static readonly string[] Reported = Asserted;

    [Theory]
    [InlineData(1, 30)]
    [InlineData(7, 30)]
    [InlineData(23, 30)]
    public void Findings_agree_with_the_truth(long seed, int sites)
    {
        var now = new DateTimeOffset(2020, 11, 30, 10, 0, 0, TimeSpan.Zero);
        var server = new SandboxServer(new SandboxOptions { Seed = seed, Sites = sites, Now = now, DelayScale = 0.01 });
        var truth = server.Truth();
        var families = new ICheckFamily[]
        {
            new GovEval.Checks.Identity.IdentityChecks(), new GovEval.Checks.Meta.PageTagChecks(), new GovEval.Checks.Security.SecurityChecks(), new GovEval.Checks.Http.Soft404Checks(),
            new GovEval.Checks.Content.ContentChecks(), new GovEval.Checks.Privacy.PrivacyChecks(),
        };

        var expected = new HashSet<string>(StringComparer.Ordinal);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var site in truth.Sites)
        {
            expected.UnionWith(TruthKeys.Of(site, Reported));

            var observation = SandboxAnswerCrawler.Collect(server, site.Host, now);
            var context = new CheckContext(ShippedRules.Options);
            foreach (var finding in families.SelectMany(f => f.Run(observation, context).Findings))
            {
                found.TryAdd(TruthKeys.Of(site.Host, finding), finding.Message);
            }
        }

        var failures = new List<string>();
        foreach (var rule in Reported)
        {
            var e = expected.Where(k => TruthKeys.RuleOf(k) == rule).ToHashSet();
            var f = found.Keys.Where(k => TruthKeys.RuleOf(k) == rule).ToHashSet();
            var tp = e.Intersect(f).Count();
            var precision = f.Count == 0 ? 1.0 : (double)tp / f.Count;
            var recall = e.Count == 0 ? 1.0 : (double)tp / e.Count;
            output.WriteLine($"seed {seed} {rule,-24} truth {e.Count,4} found {f.Count,4} precision {precision:F3} recall {recall:F3}");
            foreach (var miss in e.Except(f).Take(5))
            {
                output.WriteLine($"   missed {miss}");
            }

            foreach (var extra in f.Except(e).Take(5))
            {
                output.WriteLine($"   extra  {extra}: {found[extra]}");
            }

            if (Asserted.Contains(rule) && (precision < 0.97 || recall < 0.97))
            {
                failures.Add($"{rule} precision {precision:F3} recall {recall:F3}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }
}
