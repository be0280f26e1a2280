namespace GovEval.Core.Frameworks;

/// <summary>
/// The numbers of the website rules a framework states in its <c>checks:</c> block: how long a homepage visit may
/// take, how long and how often the homepage is monitored, the update periods of each column class, the veto
/// counts, when a message counts as unanswered. They are readings of the rules (RULES.md §1), so they live in the
/// framework file, never in code: a province's variant changes them by changing its file. Every key is required in
/// the block, so nothing falls back to a number hidden in C#. <see cref="CheckParameterCatalogue"/> names each key.
/// </summary>
public sealed record CheckParameters
{
    /// <summary><c>homepage-timeout-seconds</c>: a homepage visit fails when the page is still not open after this long (the 15 s rule).</summary>
    public required TimeSpan HomepageTimeout { get; init; }

    /// <summary><c>monitor-days</c>: length of the availability monitoring window (1 week).</summary>
    public required decimal MonitorDays { get; init; }

    /// <summary><c>monitor-visits-per-day</c>: homepage visits a day during the window (at least 20).</summary>
    public required int MonitorVisitsPerDay { get; init; }

    /// <summary><c>unreachable-share-percent</c>: veto.unreachable when failed visits reach this share of the visits.</summary>
    public required decimal UnreachableSharePercent { get; init; }

    /// <summary><c>homepage-window-days</c>: the window in which homepage items count as new (2 weeks).</summary>
    public required int HomepageWindowDays { get; init; }

    /// <summary><c>homepage-min-new-items</c>: freshness.homepage when fewer new homepage items than this.</summary>
    public required int HomepageMinNewItems { get; init; }

    /// <summary><c>news-period-days</c>: update period of 动态/要闻 columns (2 weeks).</summary>
    public required int NewsPeriodDays { get; init; }

    /// <summary><c>notice-policy-period-months</c>: update period of 通知公告/政策文件 columns (6 months).</summary>
    public required int NoticePolicyPeriodMonths { get; init; }

    /// <summary><c>personnel-plan-period-months</c>: update period of 人事/规划计划 columns (1 year).</summary>
    public required int PersonnelPlanPeriodMonths { get; init; }

    /// <summary><c>veto-stale-core-columns</c>: veto.columns-stale at this many stale 动态/要闻/通知公告/政策文件 columns.</summary>
    public required int VetoStaleCoreColumns { get; init; }

    /// <summary><c>veto-stale-columns</c>: veto.columns-stale at this many stale columns of any dated class.</summary>
    public required int VetoStaleColumns { get; init; }

    /// <summary><c>veto-blank-columns</c>: veto.columns-stale at this many blank columns.</summary>
    public required int VetoBlankColumns { get; init; }

    /// <summary><c>unanswered-after-months</c>: a consultation message without a reply for longer than this is unanswered (3 months).</summary>
    public required int UnansweredAfterMonths { get; init; }

    /// <summary><c>unanswered-within-months</c>: only messages submitted within this many months count (the rule looks back 1 year).</summary>
    public required int UnansweredWithinMonths { get; init; }

    /// <summary><c>slow-reply-days</c>: interaction.slow-reply for a reply more than this many days after submission.</summary>
    public required int SlowReplyDays { get; init; }

    /// <summary><c>download-extensions</c>: link targets with these extensions (no dot) are files to download (downloads.broken).</summary>
    public required IReadOnlyList<string> DownloadExtensions { get; init; }
}
