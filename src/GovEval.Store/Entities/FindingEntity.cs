namespace GovEval.Store.Entities;

/// <summary>A check's finding for a unit in a run, with the archived evidence it can be verified against.</summary>
public sealed class FindingEntity
{
    public long Id { get; set; }

    public required string RunId { get; set; }

    public required string UnitCode { get; set; }

    /// <summary>The channel (website) the finding belongs to, when known.</summary>
    public string? ChannelUrl { get; set; }

    public required string Rule { get; set; }

    /// <summary>veto, deduction, warning or info.</summary>
    public required string Severity { get; set; }

    public required string Url { get; set; }

    public string? Page { get; set; }

    public required string Message { get; set; }

    public string? Warc { get; set; }

    public string? Record { get; set; }

    /// <summary>Byte offset of the record's gzip member in <see cref="Warc"/>, so evidence opens without scanning the file.</summary>
    public long? WarcOffset { get; set; }

    public string? Sha256 { get; set; }

    public DateTimeOffset? CapturedAt { get; set; }
}
