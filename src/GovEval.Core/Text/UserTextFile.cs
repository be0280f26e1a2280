using System.Globalization;
using System.Text;
using GovEval.Core.Errors;

namespace GovEval.Core.Text;

/// <summary>How a person's text file is to be decoded: detected, or the encoding they say it is in (<c>--encoding</c>).</summary>
public enum UserEncoding
{
    Auto,
    Utf8,

    /// <summary>GB18030, a superset of GBK and GB2312: what "gbk" and "gb2312" mean here too.</summary>
    Gb18030,
}

/// <summary>The encoding a person's text file was read with, and how it was decided.</summary>
public sealed record TextFileEncoding(string Name, bool FromByteOrderMark);

/// <summary>
/// Opens the text files people hand to GovEval (CSV tables, framework YAML, unit lists) whatever their
/// editor saved: a byte order mark names the encoding; otherwise a file that is valid UTF-8 is UTF-8, and one
/// that is not but is valid GB18030 is GB18030 (a superset of GBK and GB2312, what Excel and Notepad write on a
/// Chinese Windows). Anything else is refused naming the file, the line and the byte offset: text is never
/// decoded with replacement characters, so a damaged or foreign file cannot reach the store as '�'.
/// This is for people's files, not web pages (those follow the HTML rules in GovEval.Collect).
/// </summary>
public static class UserTextFile
{
    private const int Gb18030CodePage = 54936;

    static UserTextFile()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// A reader over the decoded text, positioned after any byte order mark. The file is checked in full before
    /// the reader is returned when its encoding had to be detected; with a byte order mark, bad bytes are reported
    /// as they are reached.
    /// </summary>
    /// <param name="maxBytes">Refuse a file larger than this; <paramref name="limitOption"/> says how to raise it.</param>
    public static TextReader Open(string path, long? maxBytes = null, string? limitOption = null) =>
        Open(path, maxBytes, limitOption, out _);

    public static TextReader Open(string path, long? maxBytes, string? limitOption, out TextFileEncoding encoding) =>
        Open(path, maxBytes, limitOption, UserEncoding.Auto, out encoding);

    /// <param name="forced">Decode as this encoding instead of detecting it; a byte order mark of another encoding is refused.</param>
    public static TextReader Open(string path, long? maxBytes, string? limitOption, UserEncoding forced, out TextFileEncoding encoding)
    {
        var stream = OpenStream(path, maxBytes, limitOption);
        try
        {
            var (detected, bomLength) = forced == UserEncoding.Auto ? Detect(stream, path) : Forced(stream, path, forced);
            encoding = new TextFileEncoding(detected.Name, bomLength > 0);
            stream.Position = bomLength;
            return new StrictTextReader(
                stream,
                detected.Strict,
                maxBytes,
                offset => Undecodable(path, stream, detected, bomLength, offset),
                () => TooLarge(path, null, maxBytes!.Value, limitOption),
                ownsStream: true);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The option's text as an encoding: auto, utf-8 (utf8), gb18030, gbk or gb2312 (read as GB18030, their superset).</summary>
    public static UserEncoding ParseEncoding(string text, string option) =>
        text.Trim().ToLowerInvariant() switch
        {
            "auto" or "" => UserEncoding.Auto,
            "utf-8" or "utf8" => UserEncoding.Utf8,
            "gb18030" or "gbk" or "gb2312" or "cp936" => UserEncoding.Gb18030,
            _ => throw new InputException(option, $"unknown encoding '{text}'; give auto, utf-8, gb18030 or gbk (GBK and GB2312 are read as GB18030, which contains them)"),
        };

    private sealed record Candidate(string Name, Encoding Strict, int UnitBytes, bool BigEndian);

    /// <summary>The encoding a person named, past a byte order mark of the same encoding; a mark of another is a contradiction.</summary>
    private static (Candidate Encoding, int BomLength) Forced(Stream stream, string path, UserEncoding forced)
    {
        var (marked, bomLength) = MarkOf(stream);
        var wanted = forced == UserEncoding.Utf8 ? Utf8 : Gb18030;
        if (marked is not null && marked.Name != wanted.Name)
        {
            throw new InputException(path, $"the file starts with a {marked.Name} byte order mark, but it was said to be {wanted.Name} (--encoding); leave --encoding out or give the encoding the mark names");
        }

        return (wanted, bomLength);
    }

    /// <summary>The encoding a byte order mark at the start names, or null when there is none.</summary>
    private static (Candidate? Encoding, int BomLength) MarkOf(Stream stream)
    {
        stream.Position = 0;
        Span<byte> head = stackalloc byte[4];
        var start = head[..stream.ReadAtLeast(head, 4, throwOnEndOfStream: false)];
        stream.Position = 0;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8, 3);
        }

        if (start.StartsWith(Gb18030Bom))
        {
            return (Gb18030, 4);
        }

        return start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])
            ? (new Candidate("UTF-16/32", Utf8.Strict, 1, false), 0)
            : (null, 0);
    }

    private static readonly Candidate Utf8 = new("UTF-8", new UTF8Encoding(false, throwOnInvalidBytes: true), 1, false);

    private static Candidate Gb18030 => new(
        "GB18030",
        Encoding.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
        1,
        false);

    private static readonly byte[] Gb18030Bom = [0x84, 0x31, 0x95, 0x33];

    private static Stream OpenStream(string path, long? maxBytes, string? limitOption)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"cannot be read: {e.Message}");
        }

        if (file.CanSeek)
        {
            if (maxBytes is { } max && file.Length > max)
            {
                var length = file.Length;
                file.Dispose();
                throw TooLarge(path, length, max, limitOption);
            }

            return file;
        }

        // A pipe or device reads once: keep its bytes (up to the limit) so detection can read them twice.
        using (file)
        {
            var memory = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = file.Read(buffer)) > 0)
            {
                memory.Write(buffer, 0, read);
                if (maxBytes is { } max && memory.Length > max)
                {
                    throw TooLarge(path, null, max, limitOption);
                }
            }

            memory.Position = 0;
            return memory;
        }
    }

    private static (Candidate Encoding, int BomLength) Detect(Stream stream, string path)
    {
        Span<byte> head = stackalloc byte[4];
        var length = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        var start = head[..length];
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8, 3);
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (new Candidate("UTF-32LE", new UTF32Encoding(false, false, throwOnInvalidCharacters: true), 4, false), 4);
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (new Candidate("UTF-32BE", new UTF32Encoding(true, false, throwOnInvalidCharacters: true), 4, true), 4);
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new Candidate("UTF-16LE", new UnicodeEncoding(false, false, throwOnInvalidBytes: true), 2, false), 2);
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new Candidate("UTF-16BE", new UnicodeEncoding(true, false, throwOnInvalidBytes: true), 2, true), 2);
        }

        if (start.StartsWith(Gb18030Bom))
        {
            return (Gb18030, 4);
        }

        // No mark: read the whole file as UTF-8, then as GB18030; the first that decodes every byte wins.
        var utf8Failure = FirstUndecodable(stream, Utf8.Strict);
        if (utf8Failure is null)
        {
            return (Utf8, 0);
        }

        var gb18030 = Gb18030;
        var gbFailure = FirstUndecodable(stream, gb18030.Strict);
        if (gbFailure is null)
        {
            return (gb18030, 0);
        }

        // The encoding that read further is the one the file was most likely meant to be in: its failure comes first.
        var (likely, likelyAt, other, otherAt) = utf8Failure.Value >= gbFailure.Value
            ? (Utf8, utf8Failure.Value, gb18030, gbFailure.Value)
            : (gb18030, gbFailure.Value, Utf8, utf8Failure.Value);
        throw new InputException(
            $"{path}:{LineAt(stream, 0, 1, false, likelyAt)}",
            $"not readable text: not {likely.Name} ({Describe(stream, likelyAt, 1)} at byte offset {likelyAt}) " +
            $"and not {other.Name} either ({Describe(stream, otherAt, 1)} at byte offset {otherAt}, line {LineAt(stream, 0, 1, false, otherAt)}); " +
            "save the file as UTF-8 (in Excel: 'CSV UTF-8')");
    }

    private sealed class UndecodableAt(long offset) : Exception
    {
        public long Offset { get; } = offset;
    }

    private static long? FirstUndecodable(Stream stream, Encoding strict)
    {
        stream.Position = 0;
        using var reader = new StrictTextReader(stream, strict, null, offset => new UndecodableAt(offset), () => new InvalidOperationException(), ownsStream: false);
        var sink = new char[64 * 1024];
        try
        {
            while (reader.Read(sink) > 0)
            {
            }

            return null;
        }
        catch (UndecodableAt e)
        {
            return e.Offset;
        }
    }

    private static InputException Undecodable(string path, Stream stream, Candidate encoding, int bomLength, long offset) =>
        new(
            $"{path}:{LineAt(stream, bomLength, encoding.UnitBytes, encoding.BigEndian, offset)}",
            $"not valid {encoding.Name}{(bomLength > 0 ? " (the file starts with its byte order mark)" : "")}: " +
            $"{Describe(stream, offset, encoding.UnitBytes)} at byte offset {offset}; save the file as UTF-8 (in Excel: 'CSV UTF-8')");

    /// <param name="length">The file's size, when known before reading it.</param>
    private static InputException TooLarge(string path, long? length, long max, string? limitOption) =>
        new(path, $"the file is {(length is { } known ? Size(known) + ", " : "")}larger than the {Size(max)} limit" +
                  (limitOption is null ? "" : $" (raise it with {limitOption})"));

    internal static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => $"{bytes} bytes",
    };

    /// <summary>The bytes at an offset, in hex: what a person looks for in a hex view of the file.</summary>
    private static string Describe(Stream stream, long offset, int unitBytes)
    {
        stream.Position = offset;
        Span<byte> found = stackalloc byte[Math.Max(unitBytes, 2)];
        var count = stream.ReadAtLeast(found, found.Length, throwOnEndOfStream: false);
        if (count == 0)
        {
            return "the file ends inside a character";
        }

        var shown = found[..Math.Min(count, unitBytes == 1 ? 1 : unitBytes)];
        return (shown.Length == 1 ? "byte " : "bytes ") + string.Join(' ', shown.ToArray().Select(b => $"0x{b:X2}"));
    }

    /// <summary>The 1-based line of a byte offset: line feeds before it, counted in the encoding's code units.</summary>
    private static long LineAt(Stream stream, int bomLength, int unitBytes, bool bigEndian, long offset)
    {
        stream.Position = bomLength;
        var buffer = new byte[64 * 1024];
        var line = 1L;
        var position = (long)bomLength;
        while (position < offset)
        {
            var want = (int)Math.Min(buffer.Length, offset - position);
            var read = stream.ReadAtLeast(buffer.AsSpan(0, want), want, throwOnEndOfStream: false);
            if (read == 0)
            {
                break;
            }

            // Blocks are whole multiples of the code unit (the buffer is), so units never straddle two blocks.
            for (var i = 0; i + unitBytes <= read; i += unitBytes)
            {
                if (IsLineFeed(buffer.AsSpan(i, unitBytes), bigEndian))
                {
                    line++;
                }
            }

            position += read;
        }

        return line;
    }

    private static bool IsLineFeed(ReadOnlySpan<byte> unit, bool bigEndian)
    {
        if (unit.Length == 1)
        {
            return unit[0] == 0x0A;
        }

        var low = bigEndian ? unit[^1] : unit[0];
        if (low != 0x0A)
        {
            return false;
        }

        var rest = bigEndian ? unit[..^1] : unit[1..];
        return !rest.ContainsAnyExcept((byte)0);
    }
}
