using System.Globalization;
using GovEval.Core.Observations;

namespace GovEval.Checks.Availability;

/// <summary>
/// availability.homepage and veto.unreachable from the homepage samples of the monitoring window. A visit fails
/// when the site answers badly or the page is not open within the timeout (15 s); a sample the scanner itself
/// spoiled (its own fault, robots, skipped) is left out, neither a visit nor a failure.
/// </summary>
public sealed class HomepageAvailability : ICheckFamily
{
    public const string AvailabilityRule = "availability.homepage";
    public const string VetoRule = "veto.unreachable";

    public IReadOnlyList<string> Rules { get; } = [AvailabilityRule, VetoRule];

    public IReadOnlyList<string> CrawlRules { get; } = [];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var samples = observation.Availability.Where(s => !s.Outcome.IsUnknown).ToList();
        if (samples.Count == 0)
        {
            var reason = observation.Availability.Count == 0 ? "没有首页可用性监测样本" : "首页可用性监测样本均因扫描端故障无效";
            return new CheckResult([], new Dictionary<string, decimal>(), [new NotMeasured(AvailabilityRule, reason), new NotMeasured(VetoRule, reason)]);
        }

        var failures = samples.Count(s => Failed(s.Outcome, context.Options.HomepageTimeout));
        // availability.share is a fraction (the catalogue's 比例; frameworks deduct "per 0.01"); messages print percent.
        var share = Math.Round((decimal)failures / samples.Count, 4);
        var measurements = new Dictionary<string, decimal>
        {
            ["availability.visits"] = samples.Count,
            ["availability.failures"] = failures,
            ["availability.share"] = share,
        };
        var findings = new List<Finding>();
        var text = (share * 100).ToString("0.##", CultureInfo.InvariantCulture);
        if (failures > 0)
        {
            findings.Add(new Finding(AvailabilityRule, Severity.Deduction, observation.Homepage, observation.Homepage,
                $"首页监测{samples.Count}次，{failures}次无法访问（{text}%）"));
        }

        if (share * 100 >= context.Options.UnreachableSharePercent)
        {
            findings.Add(new Finding(VetoRule, Severity.Veto, observation.Homepage, observation.Homepage,
                $"首页不可用率{text}%，达到{context.Options.UnreachableSharePercent.ToString("0.##", CultureInfo.InvariantCulture)}%（监测{samples.Count}次，失败{failures}次）"));
        }

        return new CheckResult(findings, measurements, []);
    }

    private static bool Failed(FetchOutcome outcome, TimeSpan timeout) => outcome.IsSiteFault || outcome.Elapsed > timeout;
}
