namespace GovEval.Sandbox.Sites;

/// <summary>What HTTPS looks like on a site.</summary>
public enum HttpsMode
{
    /// <summary>Valid certificate, HTTP redirects to HTTPS.</summary>
    Good,
    /// <summary>HTTPS works but HTTP serves pages without redirecting.</summary>
    NoRedirect,
    /// <summary>The TLS handshake fails: the site has no HTTPS.</summary>
    NoTls,
    ExpiredCertificate,
    WrongNameCertificate,
    SelfSignedCertificate,
}

public enum Ipv6Mode
{
    Answers,
    /// <summary>No AAAA record: the routes file has no IPv6 rule for the host.</summary>
    NoAddress,
    /// <summary>An address that does not answer: the IPv6 listener drops the host's connections.</summary>
    NoAnswer,
}

[Flags]
public enum SecurityHeaders
{
    None = 0,
    Hsts = 1,
    Csp = 2,
    ContentTypeOptions = 4,
    FrameOptions = 8,
    All = Hsts | Csp | ContentTypeOptions | FrameOptions,
}

public enum MissingPageBehaviour
{
    NotFound,
    SoftOk,
    RedirectHome,
}

public enum SearchMode
{
    Working,
    Missing,
    /// <summary>The index stopped being updated: nothing from the last 150 days can be found.</summary>
    Stale,
}

public enum FooterGap
{
    None,
    Sponsor,
    SiteCode,
    Icp,
    PublicSecurity,
}

public enum SiteIdProblem
{
    None,
    Missing,
    Malformed,
}
