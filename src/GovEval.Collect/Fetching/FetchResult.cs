using GovEval.Core.Observations;

namespace GovEval.Collect.Fetching;

/// <summary>
/// A fetch as the collectors need it: the contract's <see cref="FetchOutcome"/> plus the final response's headers,
/// its decoded body and, for HTML, the text in the encoding a browser would pick.
/// </summary>
public sealed class FetchResult
{
    public required FetchOutcome Outcome { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = EmptyHeaders;

    /// <summary>The body after content decoding (empty when not read or not received).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    public string? Html { get; init; }

    public string? Charset { get; init; }

    public string? CertificateProblem { get; init; }

    public Version? Protocol { get; init; }

    public DateTimeOffset CapturedAt { get; init; }

    /// <summary>The URL of the last hop, parsed (null when the fetch never reached one).</summary>
    public Uri? FinalUri { get; init; }

    public bool IsHtml => Html is not null;

    public static IReadOnlyDictionary<string, string> EmptyHeaders { get; } = new Dictionary<string, string>();

    public static bool IsHtmlType(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/xhtml", StringComparison.OrdinalIgnoreCase));
}
