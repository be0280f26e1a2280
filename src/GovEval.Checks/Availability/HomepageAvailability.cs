using GovEval.Core.Observations;

namespace GovEval.Checks.Availability;

/// <summary>
/// availability.homepage and veto.unreachable from the homepage samples of the monitoring window, as
/// <see cref="AvailabilityShare"/> counts them (the same tally the report and <c>goveval monitor</c> print).
/// </summary>
public sealed class HomepageAvailability : ICheckFamily
{
    public const string AvailabilityRule = "availability.homepage";
    public const string VetoRule = "veto.unreachable";

    public IReadOnlyList<string> Rules { get; } = [AvailabilityRule, VetoRule];

    public IReadOnlyList<string> CrawlRules { get; } = [];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var tally = AvailabilityShare.Of(observation, context);
        if (tally.Share is not { } share)
        {
            var reason = tally.Samples == 0 ? "没有首页可用性监测样本" : "首页可用性监测样本均因扫描端故障无效";
            return new CheckResult([], new Dictionary<string, decimal>(), [new NotMeasured(AvailabilityRule, reason), new NotMeasured(VetoRule, reason)]);
        }

        var measurements = new Dictionary<string, decimal>
        {
            ["availability.visits"] = tally.Visits,
            ["availability.failures"] = tally.Failures,
            ["availability.share"] = share,
        };
        var findings = new List<Finding>();
        if (tally.Failures > 0)
        {
            findings.Add(new Finding(AvailabilityRule, Severity.Deduction, observation.Homepage, observation.Homepage,
                $"首页监测{tally.Visits}次，{tally.Failures}次无法访问（{tally.Percent}%）"));
        }

        if (tally.Unreachable)
        {
            findings.Add(new Finding(VetoRule, Severity.Veto, observation.Homepage, observation.Homepage,
                $"首页不可用率{tally.Percent}%，达到{tally.ThresholdText}%（监测{tally.Visits}次，失败{tally.Failures}次）"));
        }

        return new CheckResult(findings, measurements, []);
    }
}
