using GovEval.Core.Observations;
using GovEval.Core.Scoring;

namespace GovEval.Publish.SiteReports;

/// <summary>
/// Everything `goveval check` tells about one site, assembled before rendering so report.json and report.html
/// print the same facts: renderers read this, they compute nothing.
/// </summary>
public sealed record SiteReport(
    string ToolVersion,
    string Site,
    DateTimeOffset Now,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string FrameworkName,
    ScoreSheet Sheet,
    string Verdict,
    IReadOnlyList<Finding> Findings,
    SiteMeasurements Measurements,
    IReadOnlyList<NotMeasured> NotMeasured,
    IReadOnlyList<CapturedPage> Captures);

/// <summary>
/// The raw facts behind the findings (GSA Site Scanning's lesson: publish what was measured apart from any
/// judgement). <see cref="Values"/> holds every other measurement of the catalogue by its dotted name.
/// </summary>
public sealed record SiteMeasurements(
    int Pages,
    int Links,
    AvailabilityFacts Availability,
    HomepageFacts Homepage,
    IReadOnlyList<ColumnFacts> Columns,
    IReadOnlyDictionary<string, decimal> Values);

/// <summary>Homepage visits of the monitoring window (or of the short sample when no monitor ran).</summary>
public sealed record AvailabilityFacts(int Visits, int Failures, decimal? Share, bool FromMonitor);

/// <summary>
/// The homepage's newest item and the items inside the framework's window (<see cref="WindowDays"/>; the key keeps
/// its contract name itemsLast2Weeks whatever the window).
/// </summary>
public sealed record HomepageFacts(DateOnly? Latest, int? ItemsLast2Weeks, int WindowDays);

/// <summary>A column as the checks understood it: its first list page, name, class (news, notice, …), items seen, newest date.</summary>
public sealed record ColumnFacts(string Url, string Name, string Class, int Items, DateOnly? Latest);

/// <summary>
/// A page as archived, for the report's evidence section: shown as escaped source, never rendered, so nothing
/// a hostile site served can run in the reader's browser.
/// </summary>
public sealed record CapturedPage(string Url, Evidence Evidence, string? ContentType, string Text, bool Truncated);
