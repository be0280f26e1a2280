using GovEval.Core.Errors;
using GovEval.Core.Registry;
using GovEval.Sandbox.Determinism;
using GovEval.Sandbox.Quality;

namespace GovEval.Sandbox.Population;

/// <summary>
/// The sites the simulated web serves: N sites drawn from the registry as a representative mix (ministries,
/// provinces, cities, counties and their departments, in the weights of <see cref="SiteCategories.Weight"/>),
/// each category in a seeded order, so another seed draws other units.
/// </summary>
public sealed class SitePopulation
{
    private readonly Dictionary<string, SiteEntry> byHost;

    private SitePopulation(long seed, IReadOnlyList<SiteEntry> sites)
    {
        Seed = seed;
        Sites = sites;
        byHost = new Dictionary<string, SiteEntry>(sites.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var site in sites)
        {
            byHost.Add(site.Host, site);
        }
    }

    public long Seed { get; }

    public IReadOnlyList<SiteEntry> Sites { get; }

    public SiteEntry? Find(string host) => byHost.GetValueOrDefault(host);

    /// <summary>Every site the registry can yield (portals of all simulated units, departments by level).</summary>
    public static int Capacity(UnitRegistry registry) => Candidates(registry).Values.Sum(list => list.Count);

    public static SitePopulation Draw(UnitRegistry registry, long seed, int count)
    {
        var candidates = Candidates(registry);
        var capacity = candidates.Values.Sum(list => list.Count);
        if (count < 1 || count > capacity)
        {
            throw new InputException("--sites", $"must be between 1 and {capacity} (the sites the {registry.Year} registry yields), got {count}");
        }

        var queues = new Dictionary<SiteCategory, (List<(Unit Unit, int Department)> Items, int Taken)>();
        foreach (var (category, list) in candidates)
        {
            var order = Rng.For(seed, "draw", (long)category).Permutation(list.Count);
            queues[category] = (order.Select(i => list[i]).ToList(), 0);
        }

        // Weighted round robin: the category furthest below its share goes next, so every prefix is a fair mix.
        var drawn = new List<(Unit Unit, int Department, SiteCategory Category)>(count);
        while (drawn.Count < count)
        {
            var next = queues
                .Where(q => q.Value.Taken < q.Value.Items.Count)
                .MinBy(q => (q.Value.Taken + 1.0) / q.Key.Weight())!;
            var (items, taken) = next.Value;
            drawn.Add((items[taken].Unit, items[taken].Department, next.Key));
            queues[next.Key] = (items, taken + 1);
        }

        var (tiers, intents, faults) = QualityPlan.Assign(seed, count);
        var sites = new List<SiteEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var (unit, department, category) = drawn[i];
            sites.Add(new SiteEntry(i, Host(unit, department, intents[i]), unit, department, category, tiers[i], intents[i], faults[i]));
        }

        return new SitePopulation(seed, sites);
    }

    /// <summary>
    /// The portals of exactly these units, in this order: what a demo or a round over chosen cohorts needs (each
    /// assessed unit must have its site). Defects are planted by the same quotas as a drawn population.
    /// </summary>
    public static SitePopulation Portals(UnitRegistry registry, long seed, IReadOnlyList<string> unitCodes)
    {
        var units = new List<Unit>(unitCodes.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in unitCodes)
        {
            var unit = registry.Find(code) ?? throw new InputException("units", $"unit '{code}' is not in the {registry.Year} registry");
            if (!HostNames.Simulated(unit))
            {
                throw new InputException("units", $"unit '{code}' ({unit.Name}) has no simulated site: Taiwan, Hong Kong and Macao run no .gov.cn sites");
            }

            if (seen.Add(code))
            {
                units.Add(unit);
            }
        }

        if (units.Count == 0)
        {
            throw new InputException("units", "no units given");
        }

        var (tiers, intents, faults) = QualityPlan.Assign(seed, units.Count);
        var sites = new List<SiteEntry>(units.Count);
        for (var i = 0; i < units.Count; i++)
        {
            var category = units[i].Level switch
            {
                UnitLevel.Central => SiteCategory.MinistryPortal,
                UnitLevel.Province => SiteCategory.ProvincePortal,
                UnitLevel.Prefecture => SiteCategory.PrefecturePortal,
                _ => SiteCategory.CountyPortal,
            };
            sites.Add(new SiteEntry(i, Host(units[i], -1, intents[i]), units[i], -1, category, tiers[i], intents[i], faults[i]));
        }

        return new SitePopulation(seed, sites);
    }

    /// <summary>
    /// www.&lt;x&gt;.gov.cn or &lt;y&gt;.&lt;x&gt;.gov.cn; a site meant to fail identity.domain gets a form that
    /// matches neither pattern (a portal without www, a department outside .gov.cn).
    /// </summary>
    private static string Host(Unit unit, int department, Intent intents)
    {
        var x = HostNames.UnitLabel(unit);
        if (department < 0)
        {
            return intents.Has(Intent.Domain) ? $"{x}.gov.cn" : $"www.{x}.gov.cn";
        }

        var y = Departments.All[department].Label(unit.Level == UnitLevel.Province);
        return intents.Has(Intent.Domain) ? $"{y}-{x}.org.cn" : $"{y}.{x}.gov.cn";
    }

    private static Dictionary<SiteCategory, List<(Unit Unit, int Department)>> Candidates(UnitRegistry registry)
    {
        var result = Enum.GetValues<SiteCategory>().ToDictionary(c => c, _ => new List<(Unit, int)>());
        foreach (var unit in registry.Units.Where(HostNames.Simulated))
        {
            var (portal, departmentCategory, departments) = unit.Level switch
            {
                UnitLevel.Central => (SiteCategory.MinistryPortal, SiteCategory.MinistryPortal, 0),
                UnitLevel.Province => (SiteCategory.ProvincePortal, SiteCategory.ProvinceDepartment, Departments.PerProvince),
                UnitLevel.Prefecture => (SiteCategory.PrefecturePortal, SiteCategory.PrefectureDepartment, Departments.PerPrefecture),
                _ => (SiteCategory.CountyPortal, SiteCategory.CountyDepartment, Departments.PerCounty),
            };
            result[portal].Add((unit, -1));
            for (var d = 0; d < departments; d++)
            {
                result[departmentCategory].Add((unit, d));
            }
        }

        return result;
    }
}
