using System.Text.Encodings.Web;
using System.Text.Json;
using GovEval.Core.Registry;
using GovEval.Core.Results;

namespace GovEval.Publish.Json;

/// <summary>
/// results.json, the contract of DESIGN.md: <c>{ run, framework{id,version}, cohorts[{id, name, units[{code, name,
/// short, total, grade, rank, vetoed}]}], transitions{…} }</c> with units in publication order. Fields beyond the
/// contract are additions (title, year, statistics, assessed, gradeLabel, stability, changes), never renames. Chinese is
/// written as is.
/// </summary>
public static class ResultsJson
{
    public const string FileName = "results.json";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Release release, string directory)
    {
        var path = Path.Combine(directory, FileName);
        using var stream = File.Create(path);
        Write(release, stream);
        return path;
    }

    public static void Write(Release release, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteString("run", release.Run);
        json.WriteString("title", release.Title);
        json.WriteNumber("year", release.Year);
        WriteNullable(json, "previousYear", release.PreviousYear);
        json.WriteStartObject("framework");
        json.WriteString("id", release.Framework.Id);
        json.WriteString("version", release.Framework.Version);
        json.WriteString("name", release.Framework.Name);
        json.WriteString("engineVersion", release.Framework.EngineVersion);
        json.WriteEndObject();

        json.WriteStartArray("cohorts");
        foreach (var cohort in release.Cohorts)
        {
            WriteCohort(json, release, cohort);
        }

        json.WriteEndArray();
        WriteTransitions(json, release);
        WriteStatistics(json, release);
        WriteStabilityMethod(json, release);
        WriteChanges(json, release);
        json.WriteEndObject();
    }

    /// <summary>The analysis as run (settings, method), or <c>computed: false</c> with the reason.</summary>
    private static void WriteStabilityMethod(Utf8JsonWriter json, Release release)
    {
        json.WriteStartObject("stability");
        json.WriteBoolean("computed", release.Stability.Computed);
        json.WriteString("withheld", release.Stability.Withheld);
        if (release.Stability.Settings is { } settings)
        {
            json.WriteNumber("spread", settings.Spread);
            json.WriteNumber("samples", settings.Samples);
            json.WriteNumber("seed", settings.Seed);
            json.WriteStartArray("percentiles");
            json.WriteNumberValue(settings.Low);
            json.WriteNumberValue(settings.High);
            json.WriteEndArray();
            json.WriteString("method", StabilityText.Method(settings));
        }

        json.WriteEndObject();
    }

    private static void WriteStability(Utf8JsonWriter json, Core.Results.Stability.UnitStability? stability)
    {
        json.WritePropertyName("stability");
        if (stability is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        WriteNullable(json, "rank", stability.Rank);
        WriteNullable(json, "rankMedian", stability.MedianRank);
        WriteNullable(json, "rankLow", stability.RankLow);
        WriteNullable(json, "rankHigh", stability.RankHigh);
        json.WriteNumber("total", stability.Total);
        json.WriteNumber("totalMedian", stability.MedianTotal);
        json.WriteNumber("totalLow", stability.TotalLow);
        json.WriteNumber("totalHigh", stability.TotalHigh);
        json.WritePropertyName("grade");
        if (stability.Grade is not { } grade)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStartObject();
            json.WriteString("grade", grade.Grade);
            json.WriteString("basisName", grade.BasisName);
            json.WriteNumber("basis", grade.Basis);
            json.WriteNumber("basisLow", grade.BasisLow);
            json.WriteNumber("basisHigh", grade.BasisHigh);
            json.WriteString("lowGrade", grade.LowGrade);
            json.WriteString("highGrade", grade.HighGrade);
            json.WriteBoolean("robust", grade.Robust);
            json.WriteNumber("sameGradeShare", grade.SameGradeShare);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>Change attribution per unit in publication order; null without an earlier round's sheets.</summary>
    private static void WriteChanges(Utf8JsonWriter json, Release release)
    {
        json.WritePropertyName("changes");
        if (release.Changes is not { } changes)
        {
            json.WriteNullValue();
            return;
        }

        var lookup = new ReleaseLookup(release);
        json.WriteStartObject();
        json.WriteString("previousRun", changes.PreviousRun);
        json.WriteString("framework", changes.Framework);
        json.WriteString("previousFramework", changes.PreviousFramework);
        json.WriteBoolean("sameFramework", changes.SameFramework);
        json.WriteNumber("decimals", changes.Decimals);
        json.WriteStartArray("units");
        foreach (var unit in lookup.ChangesInOrder())
        {
            json.WriteStartObject();
            json.WriteString("code", unit.Code);
            json.WriteString("short", lookup.Unit(unit.Code)?.Short);
            json.WriteNumber("before", unit.Before);
            json.WriteNumber("after", unit.After);
            json.WriteNumber("delta", unit.Delta);
            json.WriteNumber("rounding", unit.Rounding);
            json.WriteBoolean("byIndicatorOnly", unit.ByIndicatorOnly);
            json.WriteString("note", unit.Note);
            json.WriteStartArray("indicators");
            foreach (var part in unit.Indicators)
            {
                json.WriteStartObject();
                json.WriteString("indicator", part.Indicator);
                json.WriteString("name", part.Name);
                json.WriteString("group", part.Group);
                json.WriteString("groupName", part.GroupName);
                json.WriteNumber("points", part.Points);
                json.WriteStartArray("items");
                foreach (var item in part.Items)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", item.Kind);
                    json.WriteString("change", item.Change?.ToString().ToLowerInvariant());
                    json.WriteString("rule", item.Rule);
                    json.WriteString("url", item.Url);
                    json.WriteString("page", item.Page);
                    json.WriteString("source", item.Source);
                    json.WriteString("evidence", item.Evidence);
                    json.WriteString("before", item.Before);
                    json.WriteString("after", item.After);
                    json.WriteNumber("points", item.Points);
                    json.WriteString("text", item.Text);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCohort(Utf8JsonWriter json, Release release, CohortResults cohort)
    {
        json.WriteStartObject();
        json.WriteString("id", cohort.Cohort.Id);
        json.WriteString("name", cohort.Cohort.Name);
        json.WriteString("result", cohort.Cohort.Result == CohortResult.Ranked ? "ranked" : "graded");
        json.WriteNumber("top", cohort.Cohort.Top);
        json.WriteNumber("precision", cohort.Cohort.Precision);
        json.WriteString("tieOrder", cohort.Cohort.TieOrder.ToString().ToLowerInvariant());
        json.WriteString("note", cohort.Cohort.Note);
        json.WriteStartArray("units");
        foreach (var unit in cohort.Units)
        {
            json.WriteStartObject();
            json.WriteString("code", unit.Unit.Code);
            json.WriteString("name", unit.Unit.Name);
            json.WriteString("short", unit.Unit.Short);
            WriteNullable(json, "total", unit.Total);
            json.WriteString("grade", unit.Grade);
            WriteNullable(json, "rank", unit.Rank);
            json.WriteBoolean("vetoed", unit.Vetoed);
            json.WriteBoolean("assessed", unit.Assessed);
            json.WriteString("notAssessedReason", unit.Assessed ? null : unit.NotAssessedReason);
            json.WriteString("gradeLabel", unit.Grade is null ? null : release.Framework.Grades.Label(unit.Grade));
            WriteStability(json, release.Stability.Of(cohort.Cohort.Id, unit.Unit.Code));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The whole release under <c>release</c> (null without a previous round), then each graded cohort.</summary>
    private static void WriteTransitions(Utf8JsonWriter json, Release release)
    {
        json.WriteStartObject("transitions");
        WriteNullable(json, "previousYear", release.PreviousYear);
        var whole = release.Transitions.FirstOrDefault(t => t.Scope == "all");
        json.WritePropertyName("release");
        if (whole is null)
        {
            json.WriteNullValue();
        }
        else
        {
            WriteSummary(json, whole);
        }

        json.WriteStartArray("cohorts");
        foreach (var summary in release.Transitions.Where(t => t.Scope != "all"))
        {
            WriteSummary(json, summary);
        }

        json.WriteEndArray();
        json.WriteStartArray("rankChanges");
        foreach (var change in release.RankChanges)
        {
            json.WriteStartObject();
            json.WriteString("cohort", change.CohortId);
            json.WriteString("code", change.Unit.Code);
            json.WriteString("short", change.Unit.Short);
            WriteNullable(json, "before", change.Before);
            WriteNullable(json, "after", change.After);
            WriteNullable(json, "delta", change.Delta);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, TransitionSummary summary)
    {
        json.WriteStartObject();
        json.WriteString("scope", summary.Scope);
        json.WriteString("name", summary.ScopeName);
        json.WriteStartArray("counts");
        foreach (var count in summary.Counts)
        {
            json.WriteStartObject();
            json.WriteString("grade", count.Grade);
            json.WriteString("label", count.Label);
            json.WriteNumber("before", count.Before);
            json.WriteNumber("after", count.After);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("movements");
        foreach (var movement in summary.Movements)
        {
            json.WriteStartObject();
            json.WriteString("code", movement.Unit.Code);
            json.WriteString("short", movement.Unit.Short);
            json.WriteString("cohort", movement.CohortId);
            json.WriteString("from", movement.From);
            json.WriteString("to", movement.To);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("sentences");
        foreach (var sentence in summary.Sentences)
        {
            json.WriteStringValue(sentence);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStatistics(Utf8JsonWriter json, Release release)
    {
        json.WriteStartArray("statistics");
        foreach (var group in release.Statistics)
        {
            json.WriteStartObject();
            json.WriteString("subject", group.Subject);
            json.WriteString("sentence", group.Sentence);
            json.WriteStartArray("items");
            foreach (var item in group.Items)
            {
                json.WriteStartObject();
                json.WriteString("cohort", item.CohortId);
                json.WriteString("name", item.CohortName);
                json.WriteNumber("count", item.Count);
                json.WriteNumber("total", item.Total);
                json.WriteNumber("share", item.Share);
                json.WriteString("text", item.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
