namespace GovEval.Store.Entities;

/// <summary>A cohort a run assesses; <see cref="Position"/> keeps the order they were named in.</summary>
public sealed class RunCohortEntity
{
    public required string RunId { get; set; }

    public required string CohortId { get; set; }

    public int Position { get; set; }
}
