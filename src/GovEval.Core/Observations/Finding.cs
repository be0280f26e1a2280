namespace GovEval.Core.Observations;

/// <summary>How a finding weighs (report.json's severity): frameworks decide points, this is the check's view.</summary>
public enum Severity
{
    Veto,
    Deduction,
    Warning,
    Info,
}

/// <summary>
/// Where a finding can be verified: the archived response (WARC record) it was read from. <see cref="Offset"/> is
/// the byte offset of the record's gzip member in <see cref="Warc"/>, so a reader seeks to it instead of scanning the
/// file (null when it was not known, as for evidence stored before it was kept).
/// </summary>
public sealed record Evidence(string Warc, string Record, string Sha256, DateTimeOffset CapturedAt)
{
    public long? Offset { get; init; }
}

/// <summary>
/// One problem a check found. <see cref="Url"/> is the thing at fault (RULES.md §5: the broken target, the
/// stale column's list page, the homepage for site-level rules); <see cref="Page"/> is where it was seen.
/// </summary>
public sealed record Finding(string Rule, Severity Severity, string Url, string? Page, string Message, Evidence? Evidence = null);

/// <summary>A rule the scanner could not measure (its own timeout, a browser crash): never a site fault.</summary>
public sealed record NotMeasured(string Rule, string Reason);

public static class SeverityIds
{
    public static string ToId(this Severity severity) => severity.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out Severity severity) =>
        Enum.TryParse(text, ignoreCase: true, out severity) && Enum.IsDefined(severity);
}
