using GovEval.Core.Observations;

namespace GovEval.Checks.Network;

/// <summary>
/// network.ipv6: the IPv6 scale-deployment plan asks government sites to publish an AAAA record and answer over
/// IPv6. Unknown facts (the probe did not run, or could not try IPv6) are "not measured".
/// </summary>
public sealed class Ipv6Checks : ICheckFamily
{
    public const string Ipv6 = "network.ipv6";

    public IReadOnlyList<string> Rules { get; } = [Ipv6];

    public IReadOnlyList<string> CrawlRules { get; } = [];

    private static List<NotMeasured> Unmeasured(SiteObservation observation)
    {
        var list = new List<NotMeasured>();
        Text.NotMeasuredOnce.Add(list, observation, Ipv6, "未完成IPv6探测");
        return list;
    }

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var transport = observation.Transport;
        var homepage = observation.Homepage;
        string? problem = transport switch
        {
            null or { HasAaaa: null } => null,
            { HasAaaa: false } => "网站域名没有IPv6地址（AAAA记录）",
            { AnswersOverIpv6: false } => "网站有IPv6地址但通过IPv6无法访问",
            { AnswersOverIpv6: true } => "",
            _ => null,
        };
        return problem switch
        {
            null => new CheckResult([], new Dictionary<string, decimal>(), Unmeasured(observation)),
            "" => CheckResult.Empty,
            _ => new CheckResult([new Finding(Ipv6, Severity.Warning, homepage, homepage, problem)], new Dictionary<string, decimal>(), []),
        };
    }
}
