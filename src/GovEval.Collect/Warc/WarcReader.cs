using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace GovEval.Collect.Warc;

/// <summary>
/// Reads WARC files written by <see cref="WarcWriter"/> (or any gzip-per-record WARC): one record at an offset, a
/// record by id, or all of them. The HTML report uses it to show a captured page.
/// </summary>
public static class WarcReader
{
    public static WarcRecord? ReadAt(string path, long offset)
    {
        using var file = File.OpenRead(path);
        file.Seek(offset, SeekOrigin.Begin);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gzip, 64 * 1024);
        return ReadOne(buffered, offset);
    }

    /// <summary>Every record of a file, in order (offsets are not tracked for sequential reads).</summary>
    public static IEnumerable<WarcRecord> ReadAll(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gzip, 64 * 1024);
        while (ReadOne(buffered, -1) is { } record)
        {
            yield return record;
        }
    }

    /// <summary>Finds a record by id in one file, or in every *.warc.gz of a directory.</summary>
    public static WarcRecord? Find(string fileOrDirectory, string recordId)
    {
        var id = recordId.Trim('<', '>');
        var files = Directory.Exists(fileOrDirectory)
            ? Directory.GetFiles(fileOrDirectory, "*.warc.gz").Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[fileOrDirectory];
        foreach (var path in files)
        {
            foreach (var record in ReadAll(path))
            {
                if (record.RecordId == id)
                {
                    return record;
                }
            }
        }

        return null;
    }

    private static WarcRecord? ReadOne(Stream stream, long offset)
    {
        string? version;
        do
        {
            version = ReadLine(stream);
            if (version is null)
            {
                return null;
            }
        }
        while (version.Length == 0);

        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"not a WARC record (starts with '{version}')");
        }

        var fields = new List<KeyValuePair<string, string>>();
        while (ReadLine(stream) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                fields.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        var lengthText = fields.FirstOrDefault(f => f.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new InvalidDataException("WARC record without Content-Length");
        }

        var block = new byte[length];
        stream.ReadExactly(block);
        Span<byte> end = stackalloc byte[4];
        stream.ReadExactly(end);
        return new WarcRecord(fields, block, offset);
    }

    private static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>(128);
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return bytes.Count == 0 ? null : Encoding.UTF8.GetString(bytes.ToArray());
            }

            if (b == '\n')
            {
                if (bytes.Count > 0 && bytes[^1] == '\r')
                {
                    bytes.RemoveAt(bytes.Count - 1);
                }

                return Encoding.UTF8.GetString(bytes.ToArray());
            }

            bytes.Add((byte)b);
        }
    }
}
