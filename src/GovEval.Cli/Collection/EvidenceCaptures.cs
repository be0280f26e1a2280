using System.Text;
using System.Text.Json;
using GovEval.Checks.Privacy;
using GovEval.Core.Observations;
using GovEval.Publish;
using GovEval.Publish.SiteReports;

namespace GovEval.Cli.Collection;

/// <summary>
/// The pages findings point to, as the checks read them (decoded), with personal data masked: a report must never
/// republish the ID number it reproaches a site for. `check` shows them in report.html; `collect --run` keeps them
/// per unit beside the run's WARC files so the release's score sheets can show them.
/// </summary>
public static class EvidenceCaptures
{
    /// <summary>Longest page source shown inline; the WARC record keeps the whole response.</summary>
    public const int MaxCaptureChars = 200_000;

    /// <summary>Pages shown per site; the rest are named by their WARC record only.</summary>
    public const int MaxCaptures = 60;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static List<CapturedPage> For(SiteObservation observation, IReadOnlyList<Finding> findings, DateOnly today, int maxCaptures = MaxCaptures)
    {
        var byRecord = new Dictionary<string, PageObservation>(StringComparer.Ordinal);
        foreach (var page in observation.Pages)
        {
            if (page.Outcome.Evidence is { } evidence)
            {
                byRecord.TryAdd(evidence.Record, page);
            }
        }

        var captures = new List<CapturedPage>();
        foreach (var record in findings.Select(f => f.Evidence?.Record).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (captures.Count == maxCaptures)
            {
                break;
            }

            if (byRecord.TryGetValue(record, out var page) && page.Html is { } html)
            {
                var truncated = html.Length > MaxCaptureChars;
                var text = Mask(truncated ? html[..MaxCaptureChars] : html, today);
                captures.Add(new CapturedPage(page.Url, page.Outcome.Evidence!, page.Outcome.ContentType, text, truncated));
            }
        }

        return captures;
    }

    /// <summary>Writes a unit's captures as UNIT.json in <paramref name="folder"/>, whole or not at all.</summary>
    public static void Save(string folder, string unitCode, IReadOnlyList<CapturedPage> captures)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, unitCode + ".json");
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(captures, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Adds a unit's captures to those it has (a recheck's findings may point at other pages than before): the
    /// replaced findings, kept as a revision, still find their pages, and the new ones find theirs.
    /// </summary>
    public static void Merge(string folder, string unitCode, IReadOnlyList<CapturedPage> captures)
    {
        var path = Path.Combine(folder, unitCode + ".json");
        var kept = File.Exists(path) ? Read(path) : [];
        var records = captures.Select(c => c.Evidence.Record).ToHashSet(StringComparer.Ordinal);
        Save(folder, unitCode, [.. captures, .. kept.Where(c => !records.Contains(c.Evidence.Record))]);
    }

    /// <summary>The captures of every unit in <paramref name="folder"/> (a run's evidence folder); empty when there is none.</summary>
    public static EvidenceArchive Load(string folder)
    {
        var byUnit = new Dictionary<string, IReadOnlyList<CapturedPage>>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
            {
                byUnit[Path.GetFileNameWithoutExtension(file)] = Read(file);
            }
        }

        return new EvidenceArchive(byUnit);
    }

    private static List<CapturedPage> Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<List<CapturedPage>>(File.ReadAllBytes(file), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not a list of captured pages ({e.Message})", e);
        }
    }

    private static string Mask(string text, DateOnly today)
    {
        var hits = PiiScanner.Find(text, today);
        if (hits.Count == 0)
        {
            return text;
        }

        var masked = new StringBuilder(text.Length);
        var at = 0;
        foreach (var hit in hits.OrderBy(h => h.Start))
        {
            if (hit.Start < at)
            {
                continue;
            }

            masked.Append(text, at, hit.Start - at).Append(hit.Masked);
            at = hit.Start + hit.Length;
        }

        return masked.Append(text, at, text.Length - at).ToString();
    }
}
