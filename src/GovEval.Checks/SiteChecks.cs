using GovEval.Core.Observations;

namespace GovEval.Checks;

/// <summary>Runs every rule family over one site's observations and merges their results.</summary>
public static class SiteChecks
{
    /// <summary>The families in report order. Add a family here and in docs/checks.md.</summary>
    public static IReadOnlyList<ICheckFamily> Families { get; } =
    [
        new Availability.HomepageAvailability(),
        new Links.BrokenLinks(),
        new Freshness.UpdateChecks(),
        new Interaction.ConsultationChecks(),
        new Services.GuideElements(),
        new Search.SiteSearch(),
        new Identity.IdentityChecks(),
        new Meta.PageTagChecks(),
        new Security.SecurityChecks(),
        new Network.Ipv6Checks(),
        new Http.Soft404Checks(),
        new Content.ContentChecks(),
        new Privacy.PrivacyChecks(),
    ];

    public static CheckResult Run(SiteObservation observation, CheckOptions? options = null)
    {
        var context = new CheckContext(options ?? CheckOptions.Default);
        var findings = new List<Finding>();
        var measurements = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var notMeasured = new List<NotMeasured>(observation.NotMeasured);
        foreach (var family in Families)
        {
            var result = family.Run(observation, context);
            findings.AddRange(result.Findings);
            foreach (var (name, value) in result.Measurements)
            {
                measurements[name] = value;
            }

            notMeasured.AddRange(result.NotMeasured);
        }

        UnreadHomepage.AddNotMeasured(observation, Families, findings, notMeasured);

        return new CheckResult(FindingEvidence.Attach(findings, observation), measurements, notMeasured);
    }
}
