using GovEval.Checks.Derived;
using GovEval.Core.Observations;

namespace GovEval.Checks.Columns;

/// <summary>
/// The derived fact "the site's columns and their items" (<see cref="ColumnFreshness"/> discovers them): read by
/// freshness.column, columns.blank, the interaction rules, the homepage's items of a navigation-only homepage and
/// report.json's <c>columns</c>, all from the one list derived per site.
/// </summary>
public sealed class SiteColumns : IDerivedFact<IReadOnlyList<SiteColumn>>
{
    /// <summary>The site's columns, discovered once per site and context.</summary>
    public static IReadOnlyList<SiteColumn> Of(SiteObservation observation, CheckContext context) =>
        context.Request<SiteColumns, IReadOnlyList<SiteColumn>>(observation);

    public static IReadOnlyList<SiteColumn> Derive(SiteObservation observation, CheckContext context) =>
        ColumnFreshness.Discover(observation, context);
}
