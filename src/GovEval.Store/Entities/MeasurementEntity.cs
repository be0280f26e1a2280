namespace GovEval.Store.Entities;

/// <summary>A measured value of a unit in a run (availability share, pages crawled, …), exact decimal.</summary>
public sealed class MeasurementEntity
{
    public long Id { get; set; }

    public required string RunId { get; set; }

    public required string UnitCode { get; set; }

    public required string Name { get; set; }

    public decimal Value { get; set; }
}
