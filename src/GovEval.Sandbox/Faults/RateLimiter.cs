using System.Collections.Concurrent;

namespace GovEval.Sandbox.Faults;

/// <summary>Requests per host per second of the injected clock, for sites that answer 429 to impolite crawlers.</summary>
public sealed class RateLimiter(TimeProvider clock, int perSecond)
{
    private readonly ConcurrentDictionary<string, (long Second, int Count)> windows = new(StringComparer.OrdinalIgnoreCase);

    public bool Allow(string host)
    {
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        var window = windows.AddOrUpdate(host, (second, 1), (_, w) => w.Second == second ? (second, w.Count + 1) : (second, 1));
        return window.Count <= perSecond;
    }
}
