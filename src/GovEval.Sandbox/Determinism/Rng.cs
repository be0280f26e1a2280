namespace GovEval.Sandbox.Determinism;

/// <summary>
/// A small deterministic generator (SplitMix64). Every choice the simulated web makes comes from one of these,
/// seeded by a hash of (seed, site, purpose), so a page can be regenerated on any request without being stored
/// and the same seed always gives the same bytes, whatever order requests arrive in.
/// </summary>
public struct Rng
{
    private ulong state;

    public Rng(ulong seed)
    {
        state = seed;
    }

    public static Rng For(long seed, string purpose, long a = 0, long b = 0, long c = 0) =>
        new(Hash.Of(seed, purpose, a, b, c));

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Hash.Mix(state);
    }

    /// <summary>A number in [0, max).</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)((NextUInt64() >> 11) % (ulong)max);

    /// <summary>A number in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Indices 0..count-1 in a seeded order (Fisher–Yates).</summary>
    public int[] Permutation(int count)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        for (var i = count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>Picks <paramref name="take"/> distinct items in a seeded order.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int take)
    {
        var order = Permutation(items.Count);
        var result = new List<T>(Math.Min(take, items.Count));
        for (var i = 0; i < order.Length && result.Count < take; i++)
        {
            result.Add(items[order[i]]);
        }

        return result;
    }
}
