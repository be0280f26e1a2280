using System.Collections.Concurrent;

namespace GovEval.Sandbox.Faults;

/// <summary>
/// Counts requests per URL for transient faults (fail, then succeed on retry). Bounded: when it grows past its
/// limit it starts over, which at worst replays a transient failure.
/// </summary>
public sealed class AttemptCounter
{
    private const int Limit = 200_000;
    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.Ordinal);

    /// <summary>The number of earlier requests for this key (0 on the first).</summary>
    public int Next(string key)
    {
        if (attempts.Count > Limit)
        {
            attempts.Clear();
        }

        return attempts.AddOrUpdate(key, 0, (_, n) => n + 1);
    }
}
