namespace GovEval.Checks.Columns;

/// <summary>Whether a column's list could be read: a scanner fault never makes a column stale or blank.</summary>
public enum ColumnStatus
{
    /// <summary>The first list page was read.</summary>
    Read,

    /// <summary>The first list page was not fetched (scanner fault, robots, limits): not measured.</summary>
    NotFetched,

    /// <summary>The site failed to serve the first list page (a broken link, reported by Links).</summary>
    SiteFault,
}

/// <summary>
/// A column (栏目) of a site as report.json lists it: <see cref="Url"/> is its first list page as linked from the
/// navigation, <see cref="Items"/> the distinct items its list pages show, <see cref="Latest"/> the newest item's
/// date (null when no item is dated). <see cref="Entries"/> are the lines read, for families that read more
/// (messages with their reply dates). <see cref="Unresolved"/> counts undated lines linking pages of the site
/// that were not fetched: they may be items.
/// </summary>
public sealed record SiteColumn(
    string Url,
    string Name,
    ColumnClass Class,
    int Items,
    DateOnly? Latest,
    ColumnStatus Status,
    IReadOnlyList<ListEntry> Entries,
    IReadOnlyList<string> ListPages,
    int Unresolved = 0)
{
    /// <summary>A column that never held an item (暂无信息): read, and nothing listed, not even an undated link.</summary>
    public bool Blank => Status == ColumnStatus.Read && Items == 0 && Unresolved == 0;

    /// <summary>
    /// No item could be dated but the list links pages the crawl did not read: whether the column is up to date
    /// is unknown (not measured), not stale.
    /// </summary>
    public bool Undetermined => Status == ColumnStatus.Read && Latest is null && Unresolved > 0;
}
