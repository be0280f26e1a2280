using GovEval.Core.Observations;

namespace GovEval.Checks;

/// <summary>
/// A homepage the scanner never read (our resolver could not answer, our own fault, robots.txt, a limit of ours):
/// nothing the crawl would have found was seen, so every family's <see cref="ICheckFamily.CrawlRules"/> without a
/// finding is "not measured" with that reason, never measured and clean. A homepage the site failed (NXDOMAIN,
/// refused, 5xx) is a result, not blindness: those rules stay as the families judged them.
/// </summary>
public static class UnreadHomepage
{
    /// <summary>Why the scanner has no homepage to read, or null when it read one or the site is to blame.</summary>
    public static string? Reason(SiteObservation observation)
    {
        if (Text.SitePages.Homepage(observation) is not { } home)
        {
            return "扫描端未取得首页，依赖首页及其链接页面的规则未检测";
        }

        if (home.Html is not null || home.Outcome.IsSiteFault)
        {
            return null;
        }

        var why = string.IsNullOrEmpty(home.Outcome.Error) ? home.Outcome.Status.ToString() : $"{home.Outcome.Status}: {home.Outcome.Error}";
        return $"扫描端未能读取首页（{why}），依赖首页及其链接页面的规则未检测";
    }

    /// <summary>Adds the reason for each crawl rule that has no finding and is not yet reported as not measured.</summary>
    public static void AddNotMeasured(SiteObservation observation, IEnumerable<ICheckFamily> families, IReadOnlyList<Finding> findings, List<NotMeasured> notMeasured)
    {
        if (Reason(observation) is not { } reason)
        {
            return;
        }

        var known = notMeasured.Select(n => n.Rule).Concat(findings.Select(f => f.Rule)).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in families.SelectMany(f => f.CrawlRules))
        {
            if (known.Add(rule))
            {
                notMeasured.Add(new NotMeasured(rule, reason));
            }
        }
    }
}
