namespace GovEval.Collect.Fetching;

/// <summary>What robots.txt says of a URL (see <see cref="Fetcher.RobotsAnswerAsync"/>).</summary>
public enum RobotsAnswer
{
    Allowed,
    Excluded,
    HostFailed,
}

/// <summary>What to fetch and how: method, an optional form body, whether to follow redirects and read the body.</summary>
public sealed record FetchRequest
{
    public static FetchRequest Get { get; } = new();

    public static FetchRequest Head { get; } = new() { Method = "HEAD", ReadBody = false };

    /// <summary>A GET that only needs the status (link checks): the body is not read or archived.</summary>
    public static FetchRequest Probe { get; } = new() { ReadBody = false };

    public string Method { get; init; } = "GET";

    /// <summary>application/x-www-form-urlencoded fields for POST.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }

    public bool FollowRedirects { get; init; } = true;

    public bool ReadBody { get; init; } = true;

    public bool CheckRobots { get; init; } = true;

    /// <summary>
    /// A GET of a page the crawler reads for its links (HTML kept as text only). When <paramref name="allowed"/> is
    /// given, the crawler has already parsed it and found it allowed by robots.txt: the first hop is neither parsed
    /// nor checked again (redirect hops still are).
    /// </summary>
    public static FetchRequest CrawlPage(Uri? allowed) => allowed is null ? CrawlGet : new() { First = allowed, HtmlWithoutBody = true };

    private static FetchRequest CrawlGet { get; } = new() { HtmlWithoutBody = true };

    /// <summary>The first URL already parsed and allowed (see <see cref="CrawlPage"/>).</summary>
    public Uri? First { get; init; }

    /// <summary>Overrides the fetcher's timeout (the 15 s homepage rule uses its own).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// A deadline for the whole fetch, redirects and retries included (the 15 s homepage rule: a visit fails when
    /// the homepage is not open after 15 s, however many hops it took). Exceeding it is a Timeout.
    /// </summary>
    public TimeSpan? TotalTimeout { get; init; }

    /// <summary>Overrides the fetcher's retry count (availability samples are single visits).</summary>
    public int? MaxRetries { get; init; }

    public bool Archive { get; init; } = true;

    /// <summary>
    /// Only the decoded text of an HTML response is wanted (a crawled page is read for its links): its body is
    /// decoded straight from the receive buffer and not also kept as bytes. Other responses keep their body.
    /// </summary>
    public bool HtmlWithoutBody { get; init; }
}
