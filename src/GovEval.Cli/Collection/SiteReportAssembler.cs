using System.Reflection;
using System.Text;
using GovEval.Checks;
using GovEval.Checks.Columns;
using GovEval.Checks.Privacy;
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
    /// <summary>Longest page source shown inline; the WARC record keeps the whole response.</summary>
    private const int MaxCaptureChars = 200_000;

    /// <summary>Pages shown in the archive section; the rest are named by their WARC record only.</summary>
    private const int MaxCaptures = 60;

    public static string ToolVersion { get; } =
        typeof(SiteReportAssembler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static SiteReport Build(Framework framework, SiteAssessment assessment, DateTimeOffset startedAt, DateTimeOffset finishedAt, bool fromMonitor, CheckOptions? options = null)
    {
        var observation = assessment.Observation;
        var checks = assessment.Checks;
        var context = new CheckContext(options ?? CheckOptions.Default);
        var today = DateOnly.FromDateTime(observation.Now.DateTime);
        var columns = ColumnFreshness.Read(observation, context)
            .Select(c => new ColumnFacts(c.Url, c.Name, c.Class.Id(), c.Items, c.Latest))
            .ToList();
        var homepage = HomepageFreshness.Read(observation, context);
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
            SiteAssessor.Verdict(framework, assessment.Sheet), findings, measurements, checks.NotMeasured, Captures(observation, findings, today));
    }

    private static List<CapturedPage> Captures(SiteObservation observation, IReadOnlyList<Finding> findings, DateOnly today)
    {
        var byRecord = new Dictionary<string, PageObservation>(StringComparer.Ordinal);
        foreach (var page in observation.Pages)
        {
            if (page.Outcome.Evidence is { } evidence)
            {
                byRecord.TryAdd(evidence.Record, page);
            }
        }

        var captures = new List<CapturedPage>();
        foreach (var record in findings.Select(f => f.Evidence?.Record).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (captures.Count == MaxCaptures)
            {
                break;
            }

            if (byRecord.TryGetValue(record, out var page) && page.Html is { } html)
            {
                var truncated = html.Length > MaxCaptureChars;
                var text = Mask(truncated ? html[..MaxCaptureChars] : html, today);
                captures.Add(new CapturedPage(page.Url, page.Outcome.Evidence!, page.Outcome.ContentType, text, truncated));
            }
        }

        return captures;
    }

    private static string Mask(string text, DateOnly today)
    {
        var hits = PiiScanner.Find(text, today);
        if (hits.Count == 0)
        {
            return text;
        }

        var masked = new StringBuilder(text.Length);
        var at = 0;
        foreach (var hit in hits.OrderBy(h => h.Start))
        {
            if (hit.Start < at)
            {
                continue;
            }

            masked.Append(text, at, hit.Start - at).Append(hit.Masked);
            at = hit.Start + hit.Length;
        }

        return masked.Append(text, at, text.Length - at).ToString();
    }
}
