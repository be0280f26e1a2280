using GovEval.Core.Observations;

namespace GovEval.Store;

/// <summary>
/// What collection and checks produced for one unit in a run: findings, measured values and the rules that
/// could not be measured. <see cref="ChannelUrl"/> is the website that was checked, when there is one.
/// </summary>
public sealed record UnitObservations(
    string UnitCode,
    string? ChannelUrl,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, decimal> Measurements,
    IReadOnlyList<NotMeasured> NotMeasured);
