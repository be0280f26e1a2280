using GovEval.Core.Observations;

namespace GovEval.Collect.Stored;

/// <summary>
/// One unit's observations of one run as kept on disk (docs/observations.md): everything the checks read, so a
/// changed rule or threshold is judged again without crawling. Pages carry no text of their own: their HTML is
/// reloaded from the WARC record named by <see cref="FetchOutcome.Evidence"/> (<see cref="StoredPage.Html"/> says
/// which source), through the fetcher's own decoding. <see cref="CollectedIn"/> is the run whose WARC folder holds
/// those records (a run made from another's observations points at the run that crawled).
/// </summary>
public sealed record StoredObservation(
    string Format,
    int Version,
    string Unit,
    string CollectedIn,
    string Homepage,
    DateTimeOffset Now,
    IReadOnlyList<StoredPage> Pages,
    IReadOnlyList<LinkObservation> Links,
    IReadOnlyList<AvailabilitySample> Availability,
    SearchProbe? Search,
    TransportProbe? Transport,
    FetchOutcome? MissingPageProbe,
    IReadOnlyList<NotMeasured> NotMeasured)
{
    public const string FormatName = "goveval-observations";

    /// <summary>Raised when a field changes meaning or goes; a reader refuses versions it does not know.</summary>
    public const int CurrentVersion = 1;
}

/// <summary>Where a stored page's HTML comes from.</summary>
public enum StoredHtml
{
    /// <summary>The page had no HTML (not HTML, a failed fetch).</summary>
    None,

    /// <summary>Reloaded from the WARC record of the page's evidence.</summary>
    Warc,

    /// <summary>Kept in <see cref="StoredPage.Text"/>: the page had HTML but no archived response (WARC off).</summary>
    Inline,
}

/// <summary>
/// A crawled page without its text: <see cref="Chars"/> is the length of the HTML the checks read, so a reload that
/// gives other text is caught.
/// </summary>
public sealed record StoredPage(
    string Url,
    FetchOutcome Outcome,
    IReadOnlyDictionary<string, string> Headers,
    string? Charset,
    int Depth,
    string? Referrer,
    DateTimeOffset CapturedAt,
    StoredHtml Html,
    int Chars,
    string? Text);
