using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovEval.Core.Observations;
using GovEval.Core.Scoring;

namespace GovEval.Publish.SiteReports;

/// <summary>
/// report.json, the contract of DESIGN.md: <c>{ tool{name,version}, site, now, startedAt, finishedAt,
/// framework{id,version}, score{total, vetoed, verdict, parts{…}}, findings[…], measurements{…}, notMeasured[…] }</c>.
/// Dates of content (a column's newest item) print as YYYY-MM-DD; instants as ISO 8601 with offset. Fields beyond
/// the contract (score.max, vetoes, parts' names) are additions, never renames.
/// </summary>
public static class SiteReportJson
{
    public const string FileName = "report.json";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(SiteReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteString("name", "GovEval");
        json.WriteString("version", report.ToolVersion);
        json.WriteEndObject();
        json.WriteString("site", report.Site);
        json.WriteString("now", Instant(report.Now));
        json.WriteString("startedAt", Instant(report.StartedAt));
        json.WriteString("finishedAt", Instant(report.FinishedAt));
        json.WriteStartObject("framework");
        json.WriteString("id", report.Sheet.FrameworkId);
        json.WriteString("version", report.Sheet.FrameworkVersion);
        json.WriteString("name", report.FrameworkName);
        json.WriteString("engineVersion", report.Sheet.EngineVersion);
        json.WriteEndObject();
        WriteScore(json, report);

        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();
        WriteMeasurements(json, report.Measurements);
        json.WriteStartArray("notMeasured");
        foreach (var missing in report.NotMeasured)
        {
            json.WriteStartObject();
            json.WriteString("rule", missing.Rule);
            json.WriteString("reason", missing.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteScore(Utf8JsonWriter json, SiteReport report)
    {
        var sheet = report.Sheet;
        json.WriteStartObject("score");
        json.WriteNumber("total", sheet.Total);
        json.WriteNumber("max", sheet.Max);
        json.WriteBoolean("vetoed", sheet.Vetoed);
        json.WriteString("verdict", report.Verdict);
        json.WriteBoolean("assessed", sheet.Assessed);
        json.WriteString("notAssessedReason", sheet.Assessed ? null : sheet.NotAssessedReason ?? string.Join("", sheet.Notes));
        json.WriteStartArray("vetoes");
        foreach (var veto in sheet.Vetoes)
        {
            json.WriteStringValue(veto);
        }

        json.WriteEndArray();
        json.WriteStartObject("parts");
        foreach (var part in sheet.Root.Children)
        {
            json.WriteStartObject(part.Id);
            json.WriteString("name", part.Name);
            json.WriteNumber("max", part.Max);
            json.WriteNumber("earned", part.Earned);
            json.WriteString("status", Camel(part.Status.ToString()));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("rule", finding.Rule);
        json.WriteString("severity", finding.Severity.ToId());
        json.WriteString("url", finding.Url);
        if (finding.Page is null)
        {
            json.WriteNull("page");
        }
        else
        {
            json.WriteString("page", finding.Page);
        }

        json.WriteString("message", finding.Message);
        if (finding.Evidence is { } evidence)
        {
            json.WriteStartObject("evidence");
            json.WriteString("warc", evidence.Warc);
            json.WriteString("record", evidence.Record);
            json.WriteString("sha256", evidence.Sha256);
            json.WriteString("capturedAt", Instant(evidence.CapturedAt));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("evidence");
        }

        json.WriteEndObject();
    }

    private static void WriteMeasurements(Utf8JsonWriter json, SiteMeasurements m)
    {
        json.WriteStartObject("measurements");
        json.WriteNumber("pages", m.Pages);
        json.WriteNumber("links", m.Links);
        json.WriteStartObject("availability");
        json.WriteNumber("visits", m.Availability.Visits);
        json.WriteNumber("failures", m.Availability.Failures);
        if (m.Availability.Share is { } share)
        {
            json.WriteNumber("share", share);
        }
        else
        {
            json.WriteNull("share");
        }

        json.WriteBoolean("fromMonitor", m.Availability.FromMonitor);
        json.WriteEndObject();
        json.WriteStartObject("homepage");
        WriteDate(json, "latest", m.Homepage.Latest);
        if (m.Homepage.ItemsLast2Weeks is { } items)
        {
            json.WriteNumber("itemsLast2Weeks", items);
        }
        else
        {
            json.WriteNull("itemsLast2Weeks");
        }

        // The window those items were counted in: the framework's, which a province may set to other than 14 days.
        json.WriteNumber("windowDays", m.Homepage.WindowDays);
        json.WriteEndObject();
        json.WriteStartArray("columns");
        foreach (var column in m.Columns)
        {
            json.WriteStartObject();
            json.WriteString("url", column.Url);
            json.WriteString("name", column.Name);
            json.WriteString("class", column.Class);
            json.WriteNumber("items", column.Items);
            WriteDate(json, "latest", column.Latest);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("values");
        foreach (var (name, value) in m.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(name, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            json.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Instant(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
