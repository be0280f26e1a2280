namespace GovEval.Store.Entities;

/// <summary>An imported unit of one registry year (layered over the shipped registry; a shipped code is overridden).</summary>
public sealed class UnitEntity
{
    public long Id { get; set; }

    public int Year { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Short { get; set; }

    /// <summary>central, province, prefecture or county.</summary>
    public required string Level { get; set; }

    public required string Kind { get; set; }

    public string? Parent { get; set; }

    public long Order { get; set; }

    /// <summary>Comma-separated, as in units-YEAR.tsv.</summary>
    public string Tags { get; set; } = "";

    /// <summary>file:row the unit was last imported from.</summary>
    public required string Source { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
