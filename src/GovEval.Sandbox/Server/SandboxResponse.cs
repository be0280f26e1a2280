namespace GovEval.Sandbox.Server;

/// <summary>
/// What the simulated web answers to one request, described rather than written, so the routing logic is a pure
/// function that tests can call without sockets; <see cref="ResponseWriter"/> carries it out (delays, drips, resets).
/// </summary>
public sealed class SandboxResponse
{
    public int Status { get; init; } = 200;
    public string? ContentType { get; init; }
    public byte[] Body { get; init; } = [];
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>Wait before sending anything (slow responses, homepage failures, timeouts).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Send the body in this many chunks spread over <see cref="DripDuration"/>.</summary>
    public int DripChunks { get; init; }
    public TimeSpan DripDuration { get; init; }

    /// <summary>Drop the connection (after <see cref="Delay"/>) instead of answering.</summary>
    public bool Abort { get; init; }

    /// <summary>A body too large to hold (the very large page), written in pieces.</summary>
    public Func<Stream, CancellationToken, Task>? Stream { get; init; }
    public long? StreamLength { get; init; }

    public SandboxResponse With(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }

    public static SandboxResponse Redirect(int status, string location) => new SandboxResponse { Status = status }.With("Location", location);

    public static SandboxResponse Text(int status, string text, string contentType = "text/plain; charset=utf-8") =>
        new() { Status = status, ContentType = contentType, Body = Rendering.PageEncoder.Utf8Bytes(text) };

    public static SandboxResponse Dropped(TimeSpan after = default) => new() { Abort = true, Delay = after };
}
