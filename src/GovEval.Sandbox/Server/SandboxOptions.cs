namespace GovEval.Sandbox.Server;

/// <summary>How to run the simulated web. Defaults are the real figures; tests shrink the clock with <see cref="DelayScale"/>.</summary>
public sealed class SandboxOptions
{
    public long Seed { get; init; } = 1;

    /// <summary>"Today" of every page; dates on pages are relative to it.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    public int Sites { get; init; } = 100;

    /// <summary>When set, the population is the portals of exactly these registry units (and <see cref="Sites"/> is ignored).</summary>
    public IReadOnlyList<string>? PortalUnits { get; init; }

    public int HttpPort { get; init; }

    public int TlsPort { get; init; }

    /// <summary>Also listen on [::1] (ports of its own) so IPv6 reachability can be checked.</summary>
    public bool Ipv6 { get; init; } = true;

    public int RegistryYear { get; init; } = 2020;

    /// <summary>Multiplies every delay (1 = real seconds); tests use a small factor.</summary>
    public double DelayScale { get; init; } = 1.0;

    /// <summary>
    /// Length of one slot of the availability schedule. 100 slots make a cycle in which a site fails in exactly
    /// its failure percentage of slots; the default makes the cycle one day (a visit every 14.4 minutes).
    /// </summary>
    public TimeSpan AvailabilitySlot { get; init; } = TimeSpan.FromSeconds(864);

    /// <summary>The clock of the availability schedule and rate limits (the real clock unless a test injects one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How long a failing homepage stalls: beyond the national check's 15 s.</summary>
    public TimeSpan HomepageFailureDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a link that times out holds the connection before dropping it.</summary>
    public TimeSpan TimeoutHold { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan SlowResponseDelay { get; init; } = TimeSpan.FromSeconds(4);

    public TimeSpan DripDuration { get; init; } = TimeSpan.FromSeconds(5);

    public long LargePageBytes { get; init; } = 20L * 1024 * 1024;

    public long GzipBombBytes { get; init; } = 1L * 1024 * 1024 * 1024;

    /// <summary>Requests per second a rate-limited site allows before answering 429.</summary>
    public int RateLimitPerSecond { get; init; } = 5;

    public TimeSpan Scaled(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * DelayScale));
}
