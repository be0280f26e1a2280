namespace GovEval.Store;

/// <summary>
/// An assessment round as stored: <see cref="Now"/> is its fixed clock, <see cref="Cohorts"/> the cohort ids
/// in the order they were named. <see cref="FrameworkVersion"/> is null until the framework was resolved.
/// </summary>
public sealed record AssessmentRun(
    string Id,
    string Name,
    string FrameworkId,
    string? FrameworkVersion,
    int Year,
    IReadOnlyList<string> Cohorts,
    DateTimeOffset Now,
    DateTimeOffset CreatedAt)
{
    /// <summary>The sampled units (抽查) when the run assesses only some members of its cohorts; null: all of them.</summary>
    public IReadOnlyList<string>? Units { get; init; }

    /// <summary>How many times `recheck` replaced its findings and sheets (0: as collected and scored).</summary>
    public int Revision { get; init; }
}

/// <summary>What <see cref="GovEvalStore.CreateRunAsync"/> needs; the id and creation time are the store's.</summary>
public sealed record NewRun(
    string Name,
    string FrameworkId,
    string? FrameworkVersion,
    int Year,
    IReadOnlyList<string> Cohorts,
    DateTimeOffset Now)
{
    /// <summary>Assess only these units of the cohorts (a sample, 抽查); null assesses every member.</summary>
    public IReadOnlyList<string>? Units { get; init; }

    /// <summary>
    /// The id to give the run (<see cref="GovEvalStore.NewRunId"/>), when its files must be in place before it is
    /// stored; null lets the store choose.
    /// </summary>
    public string? Id { get; init; }
}
