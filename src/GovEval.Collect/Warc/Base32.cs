namespace GovEval.Collect.Warc;

/// <summary>RFC 4648 base32 (upper case, padded), the encoding WARC digests conventionally use.</summary>
public static class Base32
{
    private static ReadOnlySpan<byte> Alphabet => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"u8;

    public static int EncodedLength(int bytes) => (bytes + 4) / 5 * 8;

    public static string Encode(ReadOnlySpan<byte> data)
    {
        Span<byte> ascii = stackalloc byte[EncodedLength(data.Length)];
        var length = Encode(data, ascii);
        return System.Text.Encoding.ASCII.GetString(ascii[..length]);
    }

    /// <summary>Writes the ASCII encoding into <paramref name="ascii"/>; returns its length.</summary>
    public static int Encode(ReadOnlySpan<byte> data, Span<byte> ascii)
    {
        var o = 0;
        var buffer = 0;
        var bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                ascii[o++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            ascii[o++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        while (o % 8 != 0)
        {
            ascii[o++] = (byte)'=';
        }

        return o;
    }
}
