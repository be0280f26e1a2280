using GovEval.Core.Observations;

namespace GovEval.Checks;

/// <summary>
/// One rule family (Links, Freshness, Identity…): a pure function of the observations and the clock they carry.
/// Families never fetch and never know about points; the framework decides what a finding is worth.
/// </summary>
public interface ICheckFamily
{
    /// <summary>The rule ids of RULES.md this family can report, so "not measured" can name them.</summary>
    IReadOnlyList<string> Rules { get; }

    /// <summary>
    /// The rules that read what the crawl found (pages and links, all reached from the homepage): when the scanner
    /// never read the homepage they are "not measured" (<see cref="UnreadHomepage"/>). Rules read from a probe of
    /// their own (availability samples, transport, missing page, search) or from the address alone are not.
    /// </summary>
    IReadOnlyList<string> CrawlRules => Rules;

    CheckResult Run(SiteObservation observation, CheckContext context);
}
