namespace GovEval.Store.Entities;

/// <summary>
/// One monitored visit of a unit's homepage in a run's monitoring window. Samples belong to the run, so a
/// round's availability figure can be recomputed and audited after the window has closed.
/// </summary>
public sealed class AvailabilitySampleEntity
{
    public long Id { get; set; }

    public required string RunId { get; set; }

    public required string UnitCode { get; set; }

    public required string Url { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The fetch status id (ok, timeout, connection, …) as FetchStatus names it.</summary>
    public required string Status { get; set; }

    public int? HttpStatus { get; set; }

    public long ElapsedMilliseconds { get; set; }

    public string? Error { get; set; }
}
