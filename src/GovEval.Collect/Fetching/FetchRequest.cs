namespace GovEval.Collect.Fetching;

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

    /// <summary>Overrides the fetcher's timeout (the 15 s homepage rule uses its own).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Overrides the fetcher's retry count (availability samples are single visits).</summary>
    public int? MaxRetries { get; init; }

    public bool Archive { get; init; } = true;
}
