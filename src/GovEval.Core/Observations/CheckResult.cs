namespace GovEval.Core.Observations;

/// <summary>
/// What a check returns: findings with catalogue rule ids, measured values (dotted names of the measurement
/// catalogue) and the rules it could not measure with the reason (a scanner fault, missing observations).
/// </summary>
public sealed record CheckResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, decimal> Measurements,
    IReadOnlyList<NotMeasured> NotMeasured)
{
    public static CheckResult Empty { get; } = new([], new Dictionary<string, decimal>(), []);
}
