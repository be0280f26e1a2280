using GovEval.Core.Observations;

namespace GovEval.Checks.Columns;

/// <summary>What the homepage shows of updates: its newest dated item and how many dated items are recent.</summary>
public sealed record HomepageUpdates(DateOnly? Latest, int ItemsLast2Weeks, int DatedItems, bool Measured);

/// <summary>
/// Reads the homepage's dated items (report.json's <c>homepage{latest, itemsLast2Weeks}</c>). Items are distinct
/// links in the content (navigation and footer excluded, so a footer's 更新时间 is no item); an item without a
/// visible date counts as not updated, and a date after today (a forged or mistyped date) never counts as new.
/// </summary>
public static class HomepageFreshness
{
    public static HomepageUpdates Read(SiteObservation observation, CheckContext context)
    {
        var home = SitePages.Homepage(observation);
        if (home is null || context.Document(home) is not { } document)
        {
            return new HomepageUpdates(null, 0, 0, false);
        }

        var today = ColumnFreshness.Today(observation);
        var since = today.AddDays(-context.Options.HomepageWindowDays);
        var dated = ListItems.Read(document, SitePages.BaseUrl(home), today, context.Cancel)
            .Where(e => e.Date is { } d && d <= today)
            .GroupBy(e => e.Url, StringComparer.Ordinal)
            .Select(g => g.Max(e => e.Date!.Value))
            .ToList();
        return new HomepageUpdates(
            dated.Count == 0 ? null : dated.Max(),
            dated.Count(d => d >= since),
            dated.Count,
            true);
    }
}
