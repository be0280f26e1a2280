namespace GovEval.Store.Entities;

/// <summary>An expert input of a run: one value per (unit, indicator), traceable to the file row it came from.</summary>
public sealed class InputEntity
{
    public long Id { get; set; }

    public required string RunId { get; set; }

    public required string UnitCode { get; set; }

    public required string Indicator { get; set; }

    public required string Value { get; set; }

    public string? Evidence { get; set; }

    public string? Assessor { get; set; }

    /// <summary>file:row (file[sheet]:row for XLSX).</summary>
    public required string Source { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
