using GovEval.Core.Observations;

namespace GovEval.Core.Scoring;

/// <summary>
/// Everything known about one unit for one framework: facts for applies-when conditions, the checks'
/// findings and measurements, what could not be measured, and the people's inputs.
/// <see cref="Collected"/> is false when no automatic collection ran for the unit (e.g. scores computed from
/// expert inputs only): automatic leaves are then "not measured", never zero.
/// </summary>
public sealed record ScoringInput(
    string UnitCode,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Facts,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, decimal> Measurements,
    IReadOnlyList<NotMeasured> NotMeasured,
    IReadOnlyList<ExpertInput> Inputs,
    bool Collected)
{
    public static ScoringInput Empty(string unitCode) => new(
        unitCode,
        new Dictionary<string, IReadOnlyList<string>>(),
        [],
        new Dictionary<string, decimal>(),
        [],
        [],
        Collected: false);
}
