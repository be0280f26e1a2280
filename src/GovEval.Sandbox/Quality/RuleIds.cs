namespace GovEval.Sandbox.Quality;

/// <summary>The website rule ids of RULES.md that the simulated web can show (a11y, mobile and new media excluded).</summary>
public static class RuleIds
{
    public const string VetoUnreachable = "veto.unreachable";
    public const string VetoHomepageStale = "veto.homepage-stale";
    public const string VetoColumnsStale = "veto.columns-stale";
    public const string VetoInteraction = "veto.interaction";
    public const string VetoServices = "veto.services";
    public const string VetoSeriousError = "veto.serious-error";
    public const string AvailabilityHomepage = "availability.homepage";
    public const string LinksBrokenHomepage = "links.broken-homepage";
    public const string LinksBroken = "links.broken";
    public const string FreshnessHomepage = "freshness.homepage";
    public const string FreshnessColumn = "freshness.column";
    public const string ColumnsBlank = "columns.blank";
    public const string InteractionChannel = "interaction.channel";
    public const string InteractionUnanswered = "interaction.unanswered";
    public const string InteractionSlowReply = "interaction.slow-reply";
    public const string ServicesGuideElements = "services.guide-elements";
    public const string DownloadsBroken = "downloads.broken";
    public const string ServicesSystemDown = "services.system-down";
    public const string SearchMissing = "search.missing";
    public const string SearchNotFound = "search.not-found";
    public const string IdentitySiteIdCode = "identity.site-id-code";
    public const string IdentityFooter = "identity.footer";
    public const string IdentityDomain = "identity.domain";
    public const string MetaPageTags = "meta.page-tags";
    public const string SecurityHttps = "security.https";
    public const string SecurityHeaders = "security.headers";
    public const string SecurityMixedContent = "security.mixed-content";
    public const string NetworkIpv6 = "network.ipv6";
    public const string HttpSoft404 = "http.soft-404";
    public const string ContentTypo = "content.typo";
    public const string ContentSensitive = "content.sensitive";
    public const string PrivacyPii = "privacy.pii";

    public static IReadOnlyList<string> Website { get; } =
    [
        VetoUnreachable, VetoHomepageStale, VetoColumnsStale, VetoInteraction, VetoServices, VetoSeriousError,
        AvailabilityHomepage, LinksBrokenHomepage, LinksBroken, FreshnessHomepage, FreshnessColumn, ColumnsBlank,
        InteractionChannel, InteractionUnanswered, InteractionSlowReply, ServicesGuideElements, DownloadsBroken,
        ServicesSystemDown, SearchMissing, SearchNotFound, IdentitySiteIdCode, IdentityFooter, IdentityDomain,
        MetaPageTags, SecurityHttps, SecurityHeaders, SecurityMixedContent, NetworkIpv6, HttpSoft404, ContentTypo,
        ContentSensitive, PrivacyPii,
    ];
}
