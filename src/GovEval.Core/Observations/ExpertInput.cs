namespace GovEval.Core.Observations;

/// <summary>
/// A value a person entered for an indicator (expert judgement, survey result, innovation award), with the
/// evidence they cite and where it was imported from (file and row) so a score can be traced back to it.
/// </summary>
public sealed record ExpertInput(string UnitCode, string Indicator, string Value, string? Evidence, string? Assessor, string Source);
