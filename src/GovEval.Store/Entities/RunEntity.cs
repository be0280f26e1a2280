namespace GovEval.Store.Entities;

/// <summary>
/// One assessment round: a framework applied to cohorts of a registry year at a fixed clock
/// (<see cref="Now"/>), so collecting and scoring again reproduce the same results.
/// </summary>
public sealed class RunEntity
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string FrameworkId { get; set; }

    /// <summary>Stamped when the framework is resolved (at creation once the catalogue is known, else at scoring).</summary>
    public string? FrameworkVersion { get; set; }

    public int Year { get; set; }

    /// <summary>The assessment clock, with the offset it was given in (dates in reports are local dates).</summary>
    public DateTimeOffset Now { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// How many times a recheck replaced the run's findings and sheets (0: as collected). The replaced ones are kept
    /// in RunRevisions under the revision they had.
    /// </summary>
    public int Revision { get; set; }

    public List<RunCohortEntity> Cohorts { get; set; } = [];

    /// <summary>The sample of units; empty when the run assesses every member of its cohorts.</summary>
    public List<RunUnitEntity> Units { get; set; } = [];

    /// <summary>True when <see cref="Units"/> is a sample (so an empty sample cannot be mistaken for "all").</summary>
    public bool Sampled { get; set; }
}
