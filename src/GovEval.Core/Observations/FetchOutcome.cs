namespace GovEval.Core.Observations;

/// <summary>
/// How a fetch ended. Site faults (the site answered badly or not at all) and scanner faults (our own
/// limits, cancellations, bugs) are kept apart: only site faults may ever count against a site.
/// </summary>
public enum FetchStatus
{
    /// <summary>A response with a 2xx status (after redirects).</summary>
    Ok,

    /// <summary>A response with a 4xx or 5xx status (after redirects).</summary>
    HttpError,

    /// <summary>The host name does not resolve (NXDOMAIN, .invalid).</summary>
    Dns,

    /// <summary>TLS handshake failed or the certificate is invalid.</summary>
    Tls,

    /// <summary>Connection refused or reset by the site.</summary>
    Connection,

    /// <summary>The site did not answer within the per-request timeout.</summary>
    Timeout,

    /// <summary>Redirects loop or exceed the limit.</summary>
    RedirectLoop,

    /// <summary>The body exceeded the size cap or the decompression limit (a site fault only if the rules say so).</summary>
    TooLarge,

    /// <summary>robots.txt forbids the URL: not fetched, not judged.</summary>
    RobotsExcluded,

    /// <summary>The scanner failed (its own cancellation, a bug, resources): never a site fault.</summary>
    ScannerError,

    /// <summary>Not fetched (outside the crawl's limits or scope).</summary>
    Skipped,
}

/// <summary>One hop of a redirect chain.</summary>
public sealed record Redirect(string From, string To, int Status);

/// <summary>
/// The result of fetching one URL: status, HTTP details, redirects and timing. <see cref="Evidence"/> points at
/// the archived response (WARC) when there was one.
/// </summary>
public sealed record FetchOutcome(
    string Url,
    FetchStatus Status,
    int? HttpStatus,
    string? FinalUrl,
    IReadOnlyList<Redirect> Redirects,
    string? ContentType,
    long? Length,
    TimeSpan Elapsed,
    string? Error,
    Evidence? Evidence)
{
    /// <summary>True when the site is at fault for an unusable target (what links.broken and its kin count).</summary>
    public bool IsSiteFault => Status is FetchStatus.HttpError or FetchStatus.Dns or FetchStatus.Tls or FetchStatus.Connection
        or FetchStatus.Timeout or FetchStatus.RedirectLoop;

    /// <summary>True when the outcome says nothing about the site (our fault, robots, limits).</summary>
    public bool IsUnknown => Status is FetchStatus.ScannerError or FetchStatus.RobotsExcluded or FetchStatus.Skipped;
}
