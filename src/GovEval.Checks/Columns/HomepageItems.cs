using GovEval.Checks.Derived;
using GovEval.Core.Observations;

namespace GovEval.Checks.Columns;

/// <summary>An item counted for the homepage: its URL and the newest date shown for it (never after today).</summary>
public sealed record DatedItem(string Url, DateOnly Date);

/// <summary>
/// What the homepage shows of updates. <see cref="Items"/> are the dated items the homepage rule counts: the
/// homepage's own, or, when it is only navigation (<see cref="NavigationOnly"/>: no dated item of its own), those of
/// the second-level pages (its columns), as RULES.md says of veto.homepage-stale. <see cref="Latest"/> is the newest,
/// <see cref="ItemsInWindow"/> how many are dated inside the monitoring window (homepage.itemsLast2Weeks).
/// <see cref="Measured"/> is false when the homepage was not read.
/// </summary>
public sealed record HomepageUpdates(bool Measured, bool NavigationOnly, IReadOnlyList<DatedItem> Items, DateOnly? Latest, int ItemsInWindow)
{
    public static HomepageUpdates NotRead { get; } = new(false, false, [], null, 0);
}

/// <summary>
/// The derived fact behind freshness.homepage, veto.homepage-stale and report.json's <c>homepage{latest,
/// itemsLast2Weeks}</c>: the finding, the measurement the framework scores and the report all read these items, so
/// a navigation-only homepage can no longer get its finding from the second-level pages and its measurement (0)
/// from the homepage. Items are distinct links in the content (navigation and footer excluded, so a footer's
/// 更新时间 is no item); an item without a visible date counts as not updated, and a date after today (forged or
/// mistyped) never counts as new. The window is <see cref="CheckOptions.HomepageWindowDays"/>.
/// </summary>
public sealed class HomepageItems : IDerivedFact<HomepageUpdates>
{
    /// <summary>The homepage's items, derived once per site and context.</summary>
    public static HomepageUpdates Of(SiteObservation observation, CheckContext context) =>
        context.Request<HomepageItems, HomepageUpdates>(observation);

    public static HomepageUpdates Derive(SiteObservation observation, CheckContext context)
    {
        var home = SitePages.Homepage(observation);
        if (home is null || context.Document(home) is not { } document)
        {
            return HomepageUpdates.NotRead;
        }

        var today = ColumnFreshness.Today(observation);
        var own = Dated(ListItems.Read(document, SitePages.BaseUrl(home), today, context.Cancel), today);
        var navigationOnly = own.Count == 0;
        var items = navigationOnly ? Dated(SiteColumns.Of(observation, context).SelectMany(c => c.Entries), today) : own;
        var since = today.AddDays(-context.Options.HomepageWindowDays);
        return new HomepageUpdates(
            true,
            navigationOnly,
            items,
            items.Count == 0 ? null : items.Max(i => i.Date),
            items.Count(i => i.Date >= since));
    }

    /// <summary>Distinct items with a date not after today, each with its newest such date, in order of appearance.</summary>
    private static List<DatedItem> Dated(IEnumerable<ListEntry> entries, DateOnly today) =>
        entries.Where(e => e.Date is { } d && d <= today)
            .GroupBy(e => e.Url, StringComparer.Ordinal)
            .Select(g => new DatedItem(g.Key, g.Max(e => e.Date!.Value)))
            .ToList();
}
