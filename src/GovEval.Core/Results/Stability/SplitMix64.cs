namespace GovEval.Core.Results.Stability;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a small generator whose output depends on nothing but its seed, on every
/// runtime and platform, which <see cref="Random"/> does not promise. Published intervals must be reproducible from
/// the seed printed beside them.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
