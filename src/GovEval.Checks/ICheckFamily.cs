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

    CheckResult Run(SiteObservation observation, CheckContext context);
}
