using System.Buffers.Binary;
using System.IO.Hashing;
using GovEval.Collect.Fetching;

namespace GovEval.Collect.Warc;

/// <summary>
/// Writes one gzip member (RFC 1952) per WARC record, so a reader can seek to any record: the parts of the
/// record are joined in a per-thread scratch buffer, compressed by that thread's <see cref="FastDeflate"/>, and
/// framed with the gzip header, CRC-32 and length.
/// </summary>
internal static class GzipMember
{
    private static readonly byte[] Header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

    [ThreadStatic]
    private static FastDeflate? deflate;

    [ThreadStatic]
    private static byte[]? scratch;

    public static void Write(PooledBuffer output, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, ReadOnlySpan<byte> d)
    {
        var length = a.Length + b.Length + c.Length + d.Length;
        using var joined = length > 1 << 20 ? new PooledBuffer(length) : null;
        Span<byte> input;
        if (joined is null)
        {
            scratch ??= new byte[1 << 20];
            input = scratch.AsSpan(0, length);
        }
        else
        {
            input = joined.GetMemory(length).Span[..length];
        }

        a.CopyTo(input);
        b.CopyTo(input[a.Length..]);
        c.CopyTo(input[(a.Length + b.Length)..]);
        d.CopyTo(input[(a.Length + b.Length + c.Length)..]);

        output.Write(Header);
        var room = output.GetMemory(FastDeflate.MaxOutput(length) + 8).Span;
        var written = (deflate ??= new FastDeflate()).Compress(input, room);
        BinaryPrimitives.WriteUInt32LittleEndian(room[written..], Crc32.HashToUInt32(input));
        BinaryPrimitives.WriteUInt32LittleEndian(room[(written + 4)..], (uint)length);
        output.Advance(written + 8);
    }
}
