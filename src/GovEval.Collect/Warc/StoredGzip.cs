namespace GovEval.Collect.Warc;

/// <summary>
/// Writes a gzip member whose deflate data are stored blocks: for small records (WARC request records of a few
/// hundred bytes) compressing saves nothing, while setting up a deflate stream costs more than the record.
/// </summary>
internal static class StoredGzip
{
    private static readonly uint[] Table = BuildTable();

    public static void Write(Fetching.PooledBuffer output, ReadOnlySpan<byte> header, ReadOnlySpan<byte> block, ReadOnlySpan<byte> trailer)
    {
        output.Write([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
        var crc = 0xFFFFFFFFu;
        var total = header.Length + block.Length + trailer.Length;
        var remaining = total;
        var parts = new[] { 0, 1, 2 };
        var partIndex = 0;
        var offset = 0;

        // Stored blocks hold at most 65,535 bytes; the three parts are streamed through them in order.
        do
        {
            var length = Math.Min(remaining, 65535);
            remaining -= length;
            output.Write([(byte)(remaining == 0 ? 1 : 0), (byte)length, (byte)(length >> 8), (byte)~length, (byte)(~length >> 8)]);
            var left = length;
            while (left > 0)
            {
                var part = parts[partIndex] switch { 0 => header, 1 => block, _ => trailer };
                var take = Math.Min(left, part.Length - offset);
                if (take <= 0)
                {
                    partIndex++;
                    offset = 0;
                    continue;
                }

                var slice = part.Slice(offset, take);
                output.Write(slice);
                crc = Update(crc, slice);
                offset += take;
                left -= take;
            }
        }
        while (remaining > 0);

        crc ^= 0xFFFFFFFFu;
        output.Write([(byte)crc, (byte)(crc >> 8), (byte)(crc >> 16), (byte)(crc >> 24), (byte)total, (byte)(total >> 8), (byte)(total >> 16), (byte)(total >> 24)]);
    }

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
