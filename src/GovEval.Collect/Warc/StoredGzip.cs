using System.IO.Hashing;

namespace GovEval.Collect.Warc;

/// <summary>
/// Writes a gzip member whose deflate data are stored blocks: request records and tiny responses, a few hundred
/// bytes of mostly unique header text, shrink by next to nothing when compressed.
/// </summary>
internal static class StoredGzip
{
    private const int MaxBlock = 65535;

    public static void Write(Fetching.PooledBuffer output, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, ReadOnlySpan<byte> d)
    {
        output.Write([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
        var crc = new Crc32();
        var total = a.Length + b.Length + c.Length + d.Length;
        var remaining = total;
        var part = 0;
        var offset = 0;

        // Stored blocks hold at most 65,535 bytes; the parts are streamed through them in order.
        do
        {
            var length = Math.Min(remaining, MaxBlock);
            remaining -= length;
            output.Write([(byte)(remaining == 0 ? 1 : 0), (byte)length, (byte)(length >> 8), (byte)~length, (byte)(~length >> 8)]);
            for (var left = length; left > 0;)
            {
                var span = part switch { 0 => a, 1 => b, 2 => c, _ => d };
                var take = Math.Min(left, span.Length - offset);
                if (take <= 0)
                {
                    part++;
                    offset = 0;
                    continue;
                }

                var slice = span.Slice(offset, take);
                output.Write(slice);
                crc.Append(slice);
                offset += take;
                left -= take;
            }
        }
        while (remaining > 0);

        Span<byte> trailer = stackalloc byte[8];
        crc.GetCurrentHash(trailer);
        BitConverter.TryWriteBytes(trailer[4..], (uint)total);
        output.Write(trailer);
    }
}
