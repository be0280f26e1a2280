using System.IO.Compression;
using System.Text.Json;
using GovEval.Core.Observations;

namespace GovEval.Collect.Stored;

/// <summary>
/// Writes and reads a unit's stored observations, <c>UNIT.json.gz</c> in a run's observations folder. A file is
/// written whole or not at all (a temporary file renamed over the old one), before the unit's findings are stored,
/// so every stored unit has its observations and a kill -9 never leaves half a file behind.
/// </summary>
public static class ObservationFile
{
    public const string Extension = ".json.gz";

    /// <summary>The file of <paramref name="unitCode"/> in <paramref name="folder"/>.</summary>
    public static string PathFor(string folder, string unitCode)
    {
        if (unitCode.Length == 0 || unitCode.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || unitCode.StartsWith('.'))
        {
            throw new ArgumentException($"unit code '{unitCode}' cannot name a file", nameof(unitCode));
        }

        return Path.Combine(folder, unitCode + Extension);
    }

    /// <summary>The units that have a stored observation file in <paramref name="folder"/>.</summary>
    public static IReadOnlySet<string> Units(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + Extension).Select(f => Path.GetFileName(f)[..^Extension.Length]).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Stores what was observed of a unit; pages that have a WARC record are kept by reference.</summary>
    public static void Write(string folder, string unitCode, string collectedIn, SiteObservation observation)
    {
        var pages = observation.Pages.Select(p =>
        {
            var source = p.Html is null ? StoredHtml.None : p.Outcome.Evidence is null ? StoredHtml.Inline : StoredHtml.Warc;
            return new StoredPage(p.Url, p.Outcome, p.Headers, p.Charset, p.Depth, p.Referrer, p.CapturedAt, source, p.Html?.Length ?? 0, source == StoredHtml.Inline ? p.Html : null);
        }).ToList();
        var stored = new StoredObservation(
            StoredObservation.FormatName,
            StoredObservation.CurrentVersion,
            unitCode,
            collectedIn,
            observation.Homepage,
            observation.Now,
            pages,
            observation.Links,
            observation.Availability,
            observation.Search,
            observation.Transport,
            observation.MissingPageProbe,
            observation.NotMeasured);

        Directory.CreateDirectory(folder);
        var path = PathFor(folder, unitCode);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
            {
                JsonSerializer.Serialize(gzip, stored, CollectJson.Default.StoredObservation);
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Copies a unit's file to another run's folder (a run made from another's observations).</summary>
    public static void Copy(string fromFolder, string toFolder, string unitCode)
    {
        Directory.CreateDirectory(toFolder);
        var target = PathFor(toFolder, unitCode);
        var temporary = $"{target}.{Environment.ProcessId}.tmp";
        File.Copy(PathFor(fromFolder, unitCode), temporary, overwrite: true);
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Reads a unit's file as stored, its pages without text (<see cref="ArchivedPages"/> reloads them).</summary>
    public static StoredObservation Read(string path)
    {
        StoredObservation? stored;
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            stored = JsonSerializer.Deserialize(gzip, CollectJson.Default.StoredObservation);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            throw new InvalidDataException($"{path}: not a stored observation file ({e.Message})", e);
        }

        if (stored is null || stored.Format != StoredObservation.FormatName)
        {
            throw new InvalidDataException($"{path}: not a stored observation file (format is '{stored?.Format}', expected '{StoredObservation.FormatName}')");
        }

        if (stored.Version is < 1 or > StoredObservation.CurrentVersion)
        {
            throw new InvalidDataException($"{path}: observation format version {stored.Version} is not one this GovEval reads (1 to {StoredObservation.CurrentVersion}); use a newer GovEval");
        }

        return stored;
    }
}
