using System.Reflection;
using GovEval.Checks;
using GovEval.Checks.Columns;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Publish.SiteReports;

namespace GovEval.Cli.Collection;

/// <summary>
/// Puts together what report.json and report.html print for one checked site. The captured pages shown as
/// evidence are the decoded pages the checks read, with personal data masked: a report must never republish
/// the ID number it reproaches a site for.
/// </summary>
public static class SiteReportAssembler
{
    public static string ToolVersion { get; } =
        typeof(SiteReportAssembler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static SiteReport Build(Framework framework, SiteAssessment assessment, DateTimeOffset startedAt, DateTimeOffset finishedAt, bool fromMonitor)
    {
        var observation = assessment.Observation;
        var checks = assessment.Checks;

        // The checks' own context: its documents and columns are read already (parsing again would take as long
        // again, and a page it could not read in time must not be read now).
        var context = assessment.Context;
        var today = DateOnly.FromDateTime(observation.Now.DateTime);
        var (columns, homepage) = Freshness(observation, context);
        var m = checks.Measurements;
        var visits = (int)m.GetValueOrDefault("availability.visits");
        var measurements = new SiteMeasurements(
            observation.Pages.Count,
            observation.Links.Count,
            new AvailabilityFacts(visits, (int)m.GetValueOrDefault("availability.failures"), m.TryGetValue("availability.share", out var share) ? share : null, fromMonitor),
            new HomepageFacts(homepage.Latest, homepage.Measured ? homepage.ItemsLast2Weeks : null),
            columns,
            m);
        var findings = checks.Findings
            .OrderBy(f => f.Severity)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Url, StringComparer.Ordinal)
            .ToList();
        return new SiteReport(
            ToolVersion, observation.Homepage, observation.Now, startedAt, finishedAt, framework.Name, assessment.Sheet,
            SiteAssessor.Verdict(framework, assessment.Sheet), findings, measurements, checks.NotMeasured, EvidenceCaptures.For(observation, findings, today));
    }

    /// <summary>The columns and homepage items the report lists; none when the site's budget ran out before the checks read them.</summary>
    private static (List<ColumnFacts> Columns, HomepageUpdates Homepage) Freshness(SiteObservation observation, CheckContext context)
    {
        try
        {
            var columns = ColumnFreshness.Read(observation, context)
                .Select(c => new ColumnFacts(c.Url, c.Name, c.Class.Id(), c.Items, c.Latest))
                .ToList();
            return (columns, HomepageFreshness.Read(observation, context));
        }
        catch (OperationCanceledException) when (context.OverBudget)
        {
            return ([], new HomepageUpdates(null, 0, 0, false));
        }
    }
}
