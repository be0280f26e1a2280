using System.Text.Json;
using GovEval.Core.Observations;

namespace GovEval.Collect.Probes;

/// <summary>One persisted availability sample: which homepage, and the sample itself.</summary>
public sealed record LoggedSample(string Homepage, AvailabilitySample Sample);

/// <summary>
/// The monitor's samples as JSON lines (one sample a line, appended and flushed as taken), so `goveval monitor`
/// can run for days and a later `check` reads what it saw. Torn or foreign lines are skipped on reading.
/// </summary>
public sealed class SampleLog(string path)
{
    private readonly object gate = new();
    private Dictionary<string, List<AvailabilitySample>>? index;
    private long indexedLength = -1;

    public string Path { get; } = path;

    public void Append(string homepage, AvailabilitySample sample)
    {
        var line = JsonSerializer.Serialize(new LoggedSample(Key(homepage), sample), CollectJson.Default.LoggedSample) + "\n";
        lock (gate)
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            if (stream.Position > 0 && !EndsWithNewline())
            {
                stream.WriteByte((byte)'\n');
            }

            stream.Write(System.Text.Encoding.UTF8.GetBytes(line));
            stream.Flush(true);
        }
    }

    /// <summary>
    /// Every sample of a homepage (matched after URL normalisation, http and https alike), oldest first. The file
    /// is read once and indexed by site (a run asks for thousands of sites); it is read again when it has grown.
    /// </summary>
    public IReadOnlyList<AvailabilitySample> Read(string homepage)
    {
        var length = File.Exists(Path) ? new FileInfo(Path).Length : 0;
        Dictionary<string, List<AvailabilitySample>> current;
        lock (gate)
        {
            if (index is null || length != indexedLength)
            {
                index = ReadAll().GroupBy(s => s.Homepage).ToDictionary(g => g.Key, g => g.Select(s => s.Sample).OrderBy(s => s.At).ToList());
                indexedLength = length;
            }

            current = index;
        }

        return current.TryGetValue(Key(homepage), out var samples) ? samples : [];
    }

    public IEnumerable<LoggedSample> ReadAll()
    {
        if (!File.Exists(Path))
        {
            yield break;
        }

        List<string> lines;
        lock (gate)
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            lines = [];
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        foreach (var line in lines)
        {
            LoggedSample? sample = null;
            try
            {
                sample = JsonSerializer.Deserialize(line, CollectJson.Default.LoggedSample);
            }
            catch (JsonException)
            {
            }

            if (sample?.Sample is not null)
            {
                yield return sample;
            }
        }
    }

    /// <summary>Host and path only: a monitor started on http:// and a check given https:// mean the same site.</summary>
    public static string Key(string homepage)
    {
        if (!Uri.TryCreate(homepage, UriKind.Absolute, out var uri))
        {
            return homepage;
        }

        var path = uri.AbsolutePath is "" or "/index.html" ? "/" : uri.AbsolutePath;
        return uri.Host.ToLowerInvariant() + path;
    }

    private bool EndsWithNewline()
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (file.Length == 0)
        {
            return true;
        }

        file.Seek(-1, SeekOrigin.End);
        return file.ReadByte() == '\n';
    }
}
