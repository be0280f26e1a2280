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

/// <summary>
/// What the search probe did: whether a site-search form was found, the published title it searched for and
/// the page that title was published on, and whether the results listed that page.
/// <see cref="Outcome"/> is the fetch of the results page (a scanner fault there means "not measured").
/// </summary>
public sealed record SearchProbe(bool FormFound, string? FormUrl, string? Query, string? ExpectedUrl, bool? Found, FetchOutcome? Outcome);

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
