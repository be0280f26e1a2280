using System.Reflection;
using GovEval.Checks;
using GovEval.Checks.Availability;
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

        // The checks' own context: the report requests the derived facts the checks read (columns, homepage items,
        // the availability tally), so it prints what they judged; nothing is derived again here, and a page the
        // checks could not read in time is not read now.
        var context = assessment.Context;
        var today = ColumnFreshness.Today(observation);
        var (columns, homepage) = Freshness(observation, context);
        var availability = AvailabilityShare.Of(observation, context);
        var measurements = new SiteMeasurements(
            observation.Pages.Count,
            observation.Links.Count,
            new AvailabilityFacts(availability.Visits, availability.Failures, availability.Share, fromMonitor),
            new HomepageFacts(homepage.Latest, homepage.Measured ? homepage.ItemsInWindow : null, context.Options.HomepageWindowDays),
            columns,
            checks.Measurements);
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
            var columns = SiteColumns.Of(observation, context)
                .Select(c => new ColumnFacts(c.Url, c.Name, c.Class.Id(), c.Items, c.Latest))
                .ToList();
            return (columns, HomepageItems.Of(observation, context));
        }
        catch (OperationCanceledException) when (context.OverBudget)
        {
            return ([], HomepageUpdates.NotRead);
        }
    }
}
