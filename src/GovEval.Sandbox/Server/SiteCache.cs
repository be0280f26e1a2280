using GovEval.Sandbox.Population;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Server;

/// <summary>
/// Recently used site models in a fixed number of slots (direct-mapped by site index). Regenerating a site costs
/// about 80 µs, as much as rendering a page; a model takes about 12 KB, so 4,096 slots (about 50 MB) cover a
/// crawler's working set of hosts without letting 14,475 sites pile up in memory.
/// </summary>
public sealed class SiteCache(SitePopulation population, DateOnly today, int slots = 4096)
{
    private readonly SiteModel?[] models = new SiteModel?[slots];

    public SiteModel Get(SiteEntry entry)
    {
        var slot = entry.Index % models.Length;
        var cached = Volatile.Read(ref models[slot]);
        if (cached is not null && cached.Entry.Index == entry.Index)
        {
            return cached;
        }

        var model = SiteModelBuilder.Build(population, entry, today);
        Volatile.Write(ref models[slot], model);
        return model;
    }
}
