namespace GovEval.Core.Observations;

/// <summary>Where a link was found in markup (a, area, img, script, link, iframe, form, meta refresh).</summary>
public enum LinkSource
{
    Anchor,
    Area,
    Image,
    Script,
    Stylesheet,
    Frame,
    Form,
    MetaRefresh,
    Other,
}

/// <summary>A link on a page, its resolved absolute target, and (once checked) what fetching the target gave.</summary>
public sealed record LinkObservation(
    string Page,
    string Target,
    LinkSource Source,
    string? Text,
    bool Internal,
    FetchOutcome? Outcome);

/// <summary>
/// A page the crawler fetched: the outcome, the response headers a check may read (security headers,
/// content type), the decoded HTML (null for non-HTML or failed fetches) and the links found in it.
/// <see cref="Depth"/> is the number of clicks from the homepage; <see cref="Referrer"/> the page it was found on.
/// </summary>
public sealed record PageObservation(
    string Url,
    FetchOutcome Outcome,
    IReadOnlyDictionary<string, string> Headers,
    string? Html,
    string? Charset,
    int Depth,
    string? Referrer,
    DateTimeOffset CapturedAt);

/// <summary>One availability sample of the homepage (the 15 s rule decides failure, the framework counts them).</summary>
public sealed record AvailabilitySample(DateTimeOffset At, FetchOutcome Outcome);

/// <summary>One field of the search the probe submitted (the query field, or a hidden field of the form).</summary>
public sealed record SearchField(string Name, string Value);

/// <summary>A link the search results page listed: its target resolved against the page, and its text (at most 200 characters).</summary>
public sealed record SearchResultLink(string Url, string? Text);

/// <summary>
/// What the search probe did and saw, raw, so that the checks decide search.missing and search.not-found and can
/// decide again from the stored probe: the collector never says whether the search worked.
/// <list type="bullet">
/// <item><see cref="FormFound"/>, <see cref="FormUrl"/>: the homepage's search form and the URL it submits to (null without one).</item>
/// <item><see cref="HomepageUrl"/>: the homepage as the probe read it (where its fetch ended): results that end there are no search.</item>
/// <item><see cref="Query"/>, <see cref="ExpectedUrl"/>: the published title searched for and the page it was published on
/// (null: the homepage links no dated item, nothing was searched).</item>
/// <item><see cref="Method"/>, <see cref="SubmittedUrl"/>, <see cref="Fields"/>: the request sent (GET with the fields in the
/// URL's query, or POST of the fields to the URL); without a form, GET /search?q=.</item>
/// <item><see cref="Outcome"/>: the fetch of the results page (a scanner fault there means "not measured").</item>
/// <item><see cref="Results"/>: the distinct anchor links of the results page in document order, at most the probe's
/// limit; null when no results page was read (nothing searched, or a response without HTML).
/// <see cref="ResultLinkCount"/> is how many distinct anchor links the page held, more than <see cref="Results"/>
/// holds when the limit cut the list.</item>
/// </list>
/// </summary>
public sealed record SearchProbe(
    bool FormFound,
    string? FormUrl,
    string? HomepageUrl,
    string? Query,
    string? ExpectedUrl,
    string? Method,
    string? SubmittedUrl,
    IReadOnlyList<SearchField> Fields,
    FetchOutcome? Outcome,
    IReadOnlyList<SearchResultLink>? Results,
    int ResultLinkCount);

/// <summary>Transport facts about the site: HTTP→HTTPS behaviour, certificate, IPv6.</summary>
public sealed record TransportProbe(
    FetchOutcome? Http,
    FetchOutcome? Https,
    bool? HttpRedirectsToHttps,
    bool? CertificateValid,
    string? CertificateProblem,
    bool? HasAaaa,
    bool? AnswersOverIpv6);

/// <summary>
/// Everything collection produced for one site, the sole input of the checks. Collected once, checked as often
/// as rules change: checks never fetch. <see cref="Homepage"/> is the URL as given to the check.
/// </summary>
public sealed record SiteObservation(
    string Homepage,
    DateTimeOffset Now,
    IReadOnlyList<PageObservation> Pages,
    IReadOnlyList<LinkObservation> Links,
    IReadOnlyList<AvailabilitySample> Availability,
    SearchProbe? Search,
    TransportProbe? Transport,
    FetchOutcome? MissingPageProbe,
    IReadOnlyList<NotMeasured> NotMeasured);
