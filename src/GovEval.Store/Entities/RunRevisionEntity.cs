namespace GovEval.Store.Entities;

/// <summary>
/// What a run showed before a `recheck` replaced it: its findings, measurements, not-measured reasons and score
/// sheets as they were (gzip'd JSON in <see cref="Content"/>), the framework they were judged with and when they
/// were replaced. Revision n is what the run showed while its <see cref="RunEntity.Revision"/> was n.
/// </summary>
public sealed class RunRevisionEntity
{
    public long Id { get; set; }

    public required string RunId { get; set; }

    public int Revision { get; set; }

    public required string FrameworkId { get; set; }

    public string? FrameworkVersion { get; set; }

    public DateTimeOffset ReplacedAt { get; set; }

    /// <summary>Why it was replaced (the recheck's framework and reason), for the run's history.</summary>
    public required string Reason { get; set; }

    public int Units { get; set; }

    public int Findings { get; set; }

    public required byte[] Content { get; set; }
}
