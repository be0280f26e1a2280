using System.Collections.Concurrent;

namespace GovEval.Collect.Fetching;

/// <summary>
/// Per-host politeness: at most N requests in flight and a minimum interval between request starts; a
/// Retry-After from the host pushes every later request to it back, not only the retried one.
/// </summary>
public sealed class HostPoliteness(int maxConcurrency, TimeSpan minimumInterval, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Gate> gates = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask<IDisposable> EnterAsync(string host, CancellationToken cancel)
    {
        var gate = gates.GetOrAdd(host, _ => new Gate(maxConcurrency));
        await gate.Slots.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (gate)
                {
                    var now = clock.GetUtcNow();
                    var at = gate.NextStart > now ? gate.NextStart : now;
                    wait = at - now;
                    if (wait <= TimeSpan.Zero)
                    {
                        gate.NextStart = now + minimumInterval;
                        break;
                    }
                }

                await Task.Delay(wait, clock, cancel).ConfigureAwait(false);
            }
        }
        catch
        {
            gate.Slots.Release();
            throw;
        }

        return new Lease(gate);
    }

    /// <summary>The host asked us to wait (429/503 Retry-After): no request to it starts before then.</summary>
    public void Defer(string host, TimeSpan delay)
    {
        var gate = gates.GetOrAdd(host, _ => new Gate(maxConcurrency));
        lock (gate)
        {
            var until = clock.GetUtcNow() + delay;
            if (until > gate.NextStart)
            {
                gate.NextStart = until;
            }
        }
    }

    private sealed class Gate(int slots)
    {
        public SemaphoreSlim Slots { get; } = new(slots, slots);

        public DateTimeOffset NextStart { get; set; }
    }

    private sealed class Lease(Gate gate) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                gate.Slots.Release();
            }
        }
    }
}
