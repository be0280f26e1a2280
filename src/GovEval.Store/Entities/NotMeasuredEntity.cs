namespace GovEval.Store.Entities;

/// <summary>A rule the scanner could not measure for a unit in a run: never counted against the site.</summary>
public sealed class NotMeasuredEntity
{
    public long Id { get; set; }

    public required string RunId { get; set; }

    public required string UnitCode { get; set; }

    public required string Rule { get; set; }

    public required string Reason { get; set; }
}
