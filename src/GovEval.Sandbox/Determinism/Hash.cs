namespace GovEval.Sandbox.Determinism;

/// <summary>Stable hashes (FNV-1a + SplitMix finaliser): string.GetHashCode is randomised per process.</summary>
public static class Hash
{
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Of(string text)
    {
        var h = 14695981039346656037UL;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var n = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < n; i++)
            {
                h = (h ^ buffer[i]) * 1099511628211UL;
            }
        }

        return Mix(h);
    }

    public static ulong Of(long seed, string purpose, long a = 0, long b = 0, long c = 0)
    {
        var h = Mix((ulong)seed ^ 0x5DEECE66DUL);
        h = Mix(h ^ Of(purpose));
        h = Mix(h ^ (ulong)a);
        h = Mix(h ^ ((ulong)b * 0x9E3779B97F4A7C15UL));
        return Mix(h ^ ((ulong)c * 0xC2B2AE3D27D4EB4FUL));
    }

    public static ulong Of(long seed, string purpose, string key) => Mix(Of(seed, purpose) ^ Of(key));

    /// <summary>Stable hash of text as UTF-8 bytes, for keys that must not depend on .NET's string hashing.</summary>
    public static int Bucket(string text, int buckets) => (int)(Of(text) % (ulong)buckets);
}
