namespace GovEval.Sandbox.Truth;

/// <summary>
/// The ground truth of the simulated web (DESIGN.md): <c>{ seed, now, sites[{host, unit, defects[{rule, url, page}]}] }</c>,
/// extended with each site's name and category and the scanner faults it carries (not defects; where they are).
/// </summary>
public sealed record SandboxTruth(long Seed, string Now, IReadOnlyList<SiteTruth> Sites);

public sealed record SiteTruth(string Host, string Unit, string Name, string Category, IReadOnlyList<DefectTruth> Defects, IReadOnlyList<FaultTruth> Faults);

/// <summary>One defect: the rule id, the thing at fault (RULES.md §5) and the page where it shows.</summary>
public sealed record DefectTruth(string Rule, string Url, string Page);

public sealed record FaultTruth(string Kind, string Url);
