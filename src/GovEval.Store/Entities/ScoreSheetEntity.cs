namespace GovEval.Store.Entities;

/// <summary>
/// A unit's score sheet in a run. The headline figures are columns for queries; <see cref="Sheet"/> is the
/// whole explained sheet as JSON so a published figure can be traced point by point.
/// </summary>
public sealed class ScoreSheetEntity
{
    public long Id { get; set; }

    public required string RunId { get; set; }

    public required string UnitCode { get; set; }

    public required string FrameworkId { get; set; }

    public required string FrameworkVersion { get; set; }

    public required string EngineVersion { get; set; }

    public decimal Total { get; set; }

    public bool Vetoed { get; set; }

    public string? Grade { get; set; }

    public required string Sheet { get; set; }

    public DateTimeOffset ScoredAt { get; set; }
}
