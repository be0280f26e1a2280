namespace GovEval.Collect.Warc;

/// <summary>RFC 4648 base32 (upper case, padded), the encoding WARC digests conventionally use.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length + 4) / 5 * 8];
        var o = 0;
        var buffer = 0;
        var bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[o++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[o++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        while (o % 8 != 0)
        {
            chars[o++] = '=';
        }

        return new string(chars, 0, o);
    }
}
