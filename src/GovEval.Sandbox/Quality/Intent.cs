namespace GovEval.Sandbox.Quality;

/// <summary>
/// What is planned to be wrong with a site. Intents shape how a site is generated; the ground truth is then
/// derived from the generated site itself (<see cref="Truth.TruthBuilder"/>), so it always matches what is served.
/// </summary>
[Flags]
public enum Intent : ulong
{
    None = 0,
    Unreachable = 1UL << 0,
    AvailabilityMinor = 1UL << 1,
    HomepageStale = 1UL << 2,
    HomepageThin = 1UL << 3,
    ColumnsStaleVeto = 1UL << 4,
    StaleColumns = 1UL << 5,
    BlankColumns = 1UL << 6,
    NoConsultation = 1UL << 7,
    Unanswered = 1UL << 8,
    SlowReply = 1UL << 9,
    NoServices = 1UL << 10,
    GuideElements = 1UL << 11,
    SeriousError = 1UL << 12,
    BrokenHomepageLinks = 1UL << 13,
    BrokenLinks = 1UL << 14,
    BrokenDownloads = 1UL << 15,
    SystemDown = 1UL << 16,
    NoSearch = 1UL << 17,
    SearchStale = 1UL << 18,
    SiteIdCode = 1UL << 19,
    Footer = 1UL << 20,
    Domain = 1UL << 21,
    PageTags = 1UL << 22,
    Https = 1UL << 23,
    Headers = 1UL << 24,
    MixedContent = 1UL << 25,
    Ipv6 = 1UL << 26,
    Soft404 = 1UL << 27,
    Typo = 1UL << 28,
    Sensitive = 1UL << 29,
    Pii = 1UL << 30,
}

public static class Intents
{
    public const Intent Vetoes = Intent.Unreachable | Intent.HomepageStale | Intent.ColumnsStaleVeto
        | Intent.NoConsultation | Intent.Unanswered | Intent.NoServices | Intent.GuideElements | Intent.SeriousError;

    public static bool Has(this Intent intents, Intent one) => (intents & one) != 0;
}
