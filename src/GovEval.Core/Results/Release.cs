using GovEval.Core.Scoring;

namespace GovEval.Core.Results;

/// <summary>
/// The framework a release was scored with, as the release states it. <see cref="EngineVersion"/> is null when the
/// totals were computed elsewhere (<c>publish --scores</c>); <see cref="Grades"/> gives renderers the grade labels.
/// </summary>
public sealed record ReleaseFramework(string Id, string Version, string Name, string? EngineVersion, GradeScale Grades);

/// <summary>
/// Everything a publication shows, computed before any renderer runs: renderers only read this.
/// <see cref="Sheets"/> holds per-unit score sheets by unit code (empty when published from a totals table).
/// </summary>
public sealed record Release(
    string Title,
    string Run,
    int Year,
    int? PreviousYear,
    ReleaseFramework Framework,
    string? GradeListTitle,
    string? TopListTitle,
    string? FullListTitle,
    IReadOnlyList<CohortResults> Cohorts,
    IReadOnlyList<TransitionSummary> Transitions,
    IReadOnlyList<RankChange> RankChanges,
    IReadOnlyList<StatisticGroup> Statistics,
    IReadOnlyDictionary<string, ScoreSheet> Sheets)
{
    /// <summary>Ranks and grades under other weights (<see cref="Stability.RankStability"/>), or why there are none.</summary>
    public Stability.StabilityResults Stability { get; init; } = Results.Stability.StabilityResults.None(Results.Stability.RankStability.NotConfigured);

    /// <summary>
    /// Why each unit's total moved since the earlier round (<see cref="Changes.ChangeAttributor"/>); null without an
    /// earlier run's score sheets (no <c>--compare</c>, or last year given as a table).
    /// </summary>
    public Changes.ChangeAttribution? Changes { get; init; }
}
