using System.Globalization;
using GovEval.Collect.Fetching;

namespace GovEval.Collect.Warc;

/// <summary>Writes a WARC record's header lines as UTF-8 straight into a buffer (no intermediate strings).</summary>
internal static class RecordHeader
{
    public static void Start(PooledBuffer header, string type, string id, string date, string? target, string? warcinfoId)
    {
        header.Write("WARC/1.1\r\n"u8);
        Field(header, "WARC-Type", type);
        Field(header, "WARC-Record-ID", id, angled: true);
        Field(header, "WARC-Date", date);
        if (target is not null)
        {
            Field(header, "WARC-Target-URI", target);
        }

        if (type != "warcinfo" && warcinfoId is not null)
        {
            Field(header, "WARC-Warcinfo-ID", warcinfoId, angled: true);
        }
    }

    public static void Field(PooledBuffer header, string name, string value, bool angled = false)
    {
        header.WriteText(name);
        header.Write(angled ? ": <"u8 : ": "u8);
        header.WriteText(value);
        header.Write(angled ? ">\r\n"u8 : "\r\n"u8);
    }

    /// <summary>A digest field: "sha256:" and the base32 of the hash, as WARC readers expect.</summary>
    public static void Digest(PooledBuffer header, string name, ReadOnlySpan<byte> sha256)
    {
        header.WriteText(name);
        header.Write(": sha256:"u8);
        var room = header.GetMemory(Base32.EncodedLength(sha256.Length)).Span;
        header.Advance(Base32.Encode(sha256, room));
        header.Write("\r\n"u8);
    }

    public static void End(PooledBuffer header, string contentType, long length)
    {
        Field(header, "Content-Type", contentType);
        header.Write("Content-Length: "u8);
        var room = header.GetMemory(20).Span;
        length.TryFormat(room, out var written, provider: CultureInfo.InvariantCulture);
        header.Advance(written);
        header.Write("\r\n\r\n"u8);
    }
}
