using System.Collections.Concurrent;

namespace GovEval.Collect.Fetching;

/// <summary>
/// Per-host pacing. Our own politeness: at most N requests in flight and a minimum interval between request
/// starts. The host's own wishes, honoured even when our politeness is off: a Retry-After pushes every later
/// request to the host back, not only the retried one, and a host that answered 429 is paced from then on, because
/// a rate limit that is hit once is hit again by the next burst.
/// </summary>
public sealed class HostPoliteness
{
    private readonly ConcurrentDictionary<string, Gate> gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly int maxConcurrency;
    private readonly TimeSpan minimumInterval;
    private readonly TimeSpan rateLimitedInterval;
    private readonly TimeSpan maxRateLimitedInterval;
    private readonly TimeProvider clock;

    /// <param name="maxConcurrency">Requests in flight per host; 0 or less: no limit of ours.</param>
    /// <param name="minimumInterval">Our own spacing of request starts per host (zero: none).</param>
    /// <param name="rateLimitedInterval">The spacing a host gets after its first 429; it doubles with each further 429.</param>
    /// <param name="maxRateLimitedInterval">The widest spacing a rate limit can push a host to.</param>
    public HostPoliteness(int maxConcurrency, TimeSpan minimumInterval, TimeProvider clock, TimeSpan? rateLimitedInterval = null, TimeSpan? maxRateLimitedInterval = null)
    {
        this.maxConcurrency = maxConcurrency;
        this.minimumInterval = minimumInterval;
        this.clock = clock;
        this.rateLimitedInterval = rateLimitedInterval ?? TimeSpan.FromMilliseconds(250);
        this.maxRateLimitedInterval = maxRateLimitedInterval ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>True when we pace every host ourselves; false when only hosts that asked are paced.</summary>
    private bool PacesEveryHost => maxConcurrency > 0 || minimumInterval > TimeSpan.Zero;

    /// <summary>The spacing of request starts to a host now (for tests and logs).</summary>
    public TimeSpan IntervalOf(string host) => gates.TryGetValue(host, out var gate) ? gate.Interval : minimumInterval;

    public async ValueTask<IDisposable> EnterAsync(string host, CancellationToken cancel)
    {
        Gate? gate;
        if (PacesEveryHost)
        {
            gate = gates.GetOrAdd(host, NewGate);
        }
        else if (!gates.TryGetValue(host, out gate))
        {
            // Politeness off and the host never asked us to slow down: no bookkeeping on the fast path.
            return NoLease.Instance;
        }

        if (gate.Slots is { } slots)
        {
            await slots.WaitAsync(cancel).ConfigureAwait(false);
        }

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
                        gate.NextStart = now + gate.Interval;
                        break;
                    }
                }

                await Task.Delay(wait, clock, cancel).ConfigureAwait(false);
            }
        }
        catch
        {
            gate.Slots?.Release();
            throw;
        }

        return gate.Slots is null ? NoLease.Instance : new Lease(gate);
    }

    /// <summary>The host asked us to wait (429/503 Retry-After): no request to it starts before then.</summary>
    public void Defer(string host, TimeSpan delay)
    {
        var gate = gates.GetOrAdd(host, NewGate);
        lock (gate)
        {
            var until = clock.GetUtcNow() + delay;
            if (until > gate.NextStart)
            {
                gate.NextStart = until;
            }
        }
    }

    /// <summary>
    /// The host answered 429 to a request sent at <paramref name="sentAt"/>: we were too fast for it. Requests to
    /// it are spaced from now on, twice as wide with each further 429 (up to the cap), and never narrowed again in
    /// this run. The answers to one burst are one signal: a 429 to a request sent before the last widening says
    /// nothing about the new pace, so it does not widen again (else a burst of 16 would push the host to the cap).
    /// </summary>
    public void RateLimited(string host, TimeSpan retryAfter, DateTimeOffset sentAt)
    {
        var gate = gates.GetOrAdd(host, NewGate);
        lock (gate)
        {
            if (gate.WidenedAt is not { } widened || sentAt >= widened)
            {
                var wider = gate.Interval < rateLimitedInterval ? rateLimitedInterval : gate.Interval * 2;
                gate.Interval = wider > maxRateLimitedInterval ? maxRateLimitedInterval : wider;
                gate.WidenedAt = clock.GetUtcNow();
            }
        }

        Defer(host, retryAfter);
    }

    private Gate NewGate(string host) => new(maxConcurrency, minimumInterval);

    private sealed class Gate(int slots, TimeSpan interval)
    {
        public SemaphoreSlim? Slots { get; } = slots > 0 ? new SemaphoreSlim(slots, slots) : null;

        public DateTimeOffset NextStart { get; set; }

        public TimeSpan Interval { get; set; } = interval;

        public DateTimeOffset? WidenedAt { get; set; }
    }

    private sealed class NoLease : IDisposable
    {
        public static readonly NoLease Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Lease(Gate gate) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                gate.Slots!.Release();
            }
        }
    }
}
