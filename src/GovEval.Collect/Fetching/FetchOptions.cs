using GovEval.Collect.Warc;

namespace GovEval.Collect.Fetching;

/// <summary>How the <see cref="Fetcher"/> behaves. Defaults are polite settings for real government sites.</summary>
public sealed record FetchOptions
{
    /// <summary>Total time for one request, body included (a slow drip counts): beyond it the outcome is Timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRedirects { get; init; } = 20;

    /// <summary>Bytes on the wire beyond which a body is TooLarge.</summary>
    public long MaxBodyBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Inflated bytes beyond which a compressed body is TooLarge (gzip bombs).</summary>
    public long MaxInflatedBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Retries after the first attempt, for transient faults only (reset, 500/502/503/504).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>
    /// Retries of a 429 Too Many Requests, each after the site's Retry-After (the host is paced from the first 429
    /// on). A request that still ends in 429 is the scanner's failure (ScannerError, not measured), never a site
    /// fault. Requests that allow no retries at all (availability visits) do not retry a 429 either.
    /// </summary>
    public int MaxRateLimitRetries { get; init; } = 10;

    /// <summary>First backoff delay; it doubles each retry (with jitter) unless the site sent Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether a timeout is retried (off by default: a slow site would cost the timeout several times).</summary>
    public bool RetryTimeouts { get; init; }

    /// <summary>Longest Retry-After we wait before retrying anyway.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-host politeness (concurrency and interval); benchmarks switch it off.</summary>
    public bool Politeness { get; init; } = true;

    public int MaxConcurrencyPerHost { get; init; } = 2;

    /// <summary>Minimum time between starts of two requests to the same host.</summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public bool RespectRobots { get; init; } = true;

    /// <summary>A contact (mail address or URL) added to the User-Agent so site operators can reach the assessor.</summary>
    public string? Contact { get; init; }

    public ConnectToRules ConnectTo { get; init; } = ConnectToRules.Empty;

    /// <summary>Resolves the host names no connect-to rule maps to an address (the operating system's resolver by default).</summary>
    public HostResolver Resolver { get; init; } = HostResolver.System;

    /// <summary>Extra trusted root certificates (PEM), e.g. the sandbox CA, in addition to the system roots.</summary>
    public IReadOnlyList<string> ExtraRootsPem { get; init; } = [];

    public bool EnableHttp2 { get; init; } = true;

    /// <summary>Where responses are archived; null archives nothing (and outcomes carry no evidence).</summary>
    public WarcWriter? Warc { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Connections the handler keeps per origin (politeness limits what is used per host).</summary>
    public int MaxConnectionsPerServer { get; init; } = 256;
}
