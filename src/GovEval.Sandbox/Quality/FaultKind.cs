namespace GovEval.Sandbox.Quality;

/// <summary>
/// Behaviour that breaks scanners without being a site defect: a crawler must survive it and must not report it
/// as a problem of the site (DESIGN.md: scanner faults are never counted against a site).
/// </summary>
[Flags]
public enum FaultKind : uint
{
    None = 0,
    SlowResponse = 1 << 0,
    SlowDrip = 1 << 1,
    Burst5xx = 1 << 2,
    TransientReset = 1 << 3,
    RedirectChain = 1 << 4,
    CalendarTrap = 1 << 5,
    QueryTrap = 1 << 6,
    LargePage = 1 << 7,
    GzipBomb = 1 << 8,
    MalformedHtml = 1 << 9,
    RateLimit = 1 << 10,
    RetryAfter503 = 1 << 11,
    RobotsDisallowed = 1 << 12,
}

public static class FaultKinds
{
    public static IReadOnlyList<FaultKind> All { get; } = Enum.GetValues<FaultKind>().Where(f => f != FaultKind.None).ToList();

    public static string Id(this FaultKind kind) => kind switch
    {
        FaultKind.SlowResponse => "slow-response",
        FaultKind.SlowDrip => "slow-drip",
        FaultKind.Burst5xx => "5xx-burst",
        FaultKind.TransientReset => "transient-reset",
        FaultKind.RedirectChain => "redirect-chain",
        FaultKind.CalendarTrap => "calendar-trap",
        FaultKind.QueryTrap => "query-trap",
        FaultKind.LargePage => "large-page",
        FaultKind.GzipBomb => "gzip-bomb",
        FaultKind.MalformedHtml => "malformed-html",
        FaultKind.RateLimit => "rate-limit-429",
        FaultKind.RetryAfter503 => "retry-after-503",
        FaultKind.RobotsDisallowed => "robots-disallowed",
        _ => kind.ToString(),
    };
}
