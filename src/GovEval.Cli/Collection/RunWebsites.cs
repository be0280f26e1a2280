using GovEval.Core.Registry;
using GovEval.Store;

namespace GovEval.Cli.Collection;

/// <summary>A website a run collects: the unit it belongs to and the channel's homepage.</summary>
public sealed record RunWebsite(Unit Unit, string Homepage)
{
    public string Host => new Uri(Homepage).Host;
}

/// <summary>
/// The websites of a run: every member of its cohorts (its sample, when it has one) in official order, each with its
/// registered website — the portal when it has several, since the national check assesses a unit by its portal.
/// </summary>
public static class RunWebsites
{
    /// <returns>
    /// The sites to collect, the units without a registered website, and how many further websites the units have
    /// beyond the one collected (a department's own site is assessed as a unit of its own: register it as one).
    /// </returns>
    public static (IReadOnlyList<RunWebsite> Sites, IReadOnlyList<Unit> WithoutWebsite) Of(UnitRegistry registry, AssessmentRun run) =>
        Of(registry, run, out _);

    public static (IReadOnlyList<RunWebsite> Sites, IReadOnlyList<Unit> WithoutWebsite) Of(UnitRegistry registry, AssessmentRun run, out int otherWebsites)
    {
        var sites = new List<RunWebsite>();
        var without = new List<Unit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        otherWebsites = 0;
        var websites = registry.Channels
            .Where(c => c.Kind == ChannelKind.Website && c.Url is not null)
            .ToLookup(c => c.UnitCode, StringComparer.Ordinal);
        foreach (var cohort in run.Cohorts.Select(registry.Cohort))
        {
            foreach (var unit in registry.Members(cohort).Where(u => seen.Add(u.Code)))
            {
                var channel = websites[unit.Code].OrderByDescending(c => c.Portal).FirstOrDefault();
                if (channel is null)
                {
                    without.Add(unit);
                }
                else
                {
                    sites.Add(new RunWebsite(unit, channel.Url!));
                    otherWebsites += websites[unit.Code].Count() - 1;
                }
            }
        }

        return (sites, without);
    }
}
