namespace GovEval.Core.Results;

/// <summary>
/// What a release says about itself: the assessment year, the run it publishes (a run id, or the scores file
/// for <c>publish --scores</c>), last year for movements (defaults to the year before when a previous table is
/// given), a title overriding the framework's, and the earlier run's name for change attribution.
/// </summary>
public sealed record ReleaseOptions(int Year, string Run, int? PreviousYear = null, string? Title = null, string? PreviousRun = null);
