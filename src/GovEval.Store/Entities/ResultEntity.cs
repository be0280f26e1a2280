namespace GovEval.Store.Entities;

/// <summary>
/// A unit's published standing in a cohort of a run. <see cref="Position"/> is the publication order inside
/// the cohort; <see cref="Total"/> and <see cref="Rank"/> are null for units not assessed.
/// </summary>
public sealed class ResultEntity
{
    public long Id { get; set; }

    public required string RunId { get; set; }

    public required string CohortId { get; set; }

    public required string UnitCode { get; set; }

    public decimal? Total { get; set; }

    public string? Grade { get; set; }

    public int? Rank { get; set; }

    public bool Vetoed { get; set; }

    public int Position { get; set; }
}
