namespace GovEval.Sandbox.Sites;

/// <summary>How an unusable link fails.</summary>
public enum BreakKind
{
    NotFound404,
    Gone410,
    ServerError500,
    BadGateway502,
    ConnectionReset,
    Timeout,
    UnresolvableHost,
    RedirectLoop,
}

/// <summary>Where on a site a link, planted defect or fault sits.</summary>
public enum PageKind
{
    Home,
    Article,
    Guide,
    Services,
}

/// <summary>A page of the site: the homepage, item k of a column, guide n, or the 办事服务 page.</summary>
public readonly record struct PageRef(PageKind Kind, int Column = 0, int Ordinal = 0)
{
    public static PageRef Home => new(PageKind.Home);
    public static PageRef Services => new(PageKind.Services);
}

/// <summary>
/// A link that does not work, the rule it falls under (links.broken-homepage, links.broken, downloads.broken or
/// services.system-down) and the one page that links it. <see cref="Target"/> is a path on the site or an absolute
/// URL on another host.
/// </summary>
public sealed record BrokenTarget(string Target, BreakKind Kind, string Rule, PageRef LinkedFrom, string Text)
{
    public bool External => Target.StartsWith("http", StringComparison.Ordinal);
}
