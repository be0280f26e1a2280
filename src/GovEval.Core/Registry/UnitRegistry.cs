using System.Globalization;
using GovEval.Core.Errors;

namespace GovEval.Core.Registry;

/// <summary>
/// The units, channels and cohorts of one assessment year. The committed data gives the official
/// divisions and State Council bodies; imported units and channels are layered on top.
/// </summary>
public sealed class UnitRegistry
{
    private readonly Dictionary<string, Unit> byCode;
    private readonly Dictionary<string, List<Unit>> byName;
    private readonly Dictionary<string, Cohort> cohortsById;
    private readonly ILookup<string, Channel> channelsByUnit;

    public UnitRegistry(int year, int edition, IEnumerable<Unit> units, IEnumerable<Cohort> cohorts, IEnumerable<Channel>? channels = null)
    {
        Year = year;
        Edition = edition;
        Units = units.OrderBy(u => u.Order).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        byCode = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in Units)
        {
            byCode[unit.Code] = unit;
        }

        byName = new Dictionary<string, List<Unit>>(StringComparer.Ordinal);
        foreach (var unit in Units)
        {
            foreach (var name in new[] { unit.Name, unit.Short }.Distinct())
            {
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                }

                list.Add(unit);
            }
        }

        Cohorts = cohorts.ToList();
        cohortsById = Cohorts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Channels = (channels ?? []).ToList();
        channelsByUnit = Channels.ToLookup(c => c.UnitCode, StringComparer.Ordinal);
    }

    /// <summary>The year the registry was asked for.</summary>
    public int Year { get; }

    /// <summary>The edition of the division list used for that year (2020 or 2024).</summary>
    public int Edition { get; }

    public IReadOnlyList<Unit> Units { get; }

    public IReadOnlyList<Cohort> Cohorts { get; }

    public IReadOnlyList<Channel> Channels { get; }

    /// <summary>Editions shipped in data/registry, oldest first.</summary>
    public static IReadOnlyList<int> Editions { get; } = EmbeddedData.Names("registry")
        .Where(n => n.StartsWith("units-", StringComparison.Ordinal) && n.EndsWith(".tsv", StringComparison.Ordinal))
        .Select(n => int.Parse(n["units-".Length..^".tsv".Length], CultureInfo.InvariantCulture))
        .Order()
        .ToList();

    /// <summary>
    /// The shipped registry for an assessment year: the newest edition not after that year (2019–2023 use
    /// the 2020 list, 2024 on the 2024 list); years before the first edition use the first.
    /// </summary>
    public static UnitRegistry ForYear(int year)
    {
        if (Editions.Count == 0)
        {
            throw new InvalidOperationException("no registry edition is embedded in this build");
        }

        var edition = Editions.LastOrDefault(e => e <= year, Editions[0]);
        return Cache.GetOrAdd((year, edition), key =>
        {
            using var units = EmbeddedData.Open("registry", $"units-{key.Edition}.tsv");
            using var cohorts = EmbeddedData.Open("registry", "cohorts.yaml");
            return new UnitRegistry(
                key.Year,
                key.Edition,
                UnitsFile.Read(units, $"data/registry/units-{key.Edition}.tsv"),
                CohortsFile.Read(cohorts, "data/registry/cohorts.yaml"));
        });
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Year, int Edition), UnitRegistry> Cache = new();

    /// <summary>This registry with imported units and channels added (an imported code replaces a shipped one).</summary>
    public UnitRegistry With(IEnumerable<Unit> extraUnits, IEnumerable<Channel> extraChannels)
    {
        var merged = new Dictionary<string, Unit>(byCode, StringComparer.Ordinal);
        foreach (var unit in extraUnits)
        {
            merged[unit.Code] = unit;
        }

        return new UnitRegistry(Year, Edition, merged.Values, Cohorts, Channels.Concat(extraChannels));
    }

    /// <summary>
    /// This registry with every cohort narrowed to a sample of units (a spot check, 抽查, or a demo round):
    /// cohort rules still decide membership, the sample only removes units. Null keeps the whole cohorts.
    /// </summary>
    public UnitRegistry Sampled(IReadOnlyCollection<string>? unitCodes)
    {
        if (unitCodes is null)
        {
            return this;
        }

        var sample = unitCodes.ToHashSet(StringComparer.Ordinal);
        return new UnitRegistry(Year, Edition, Units, Cohorts.Select(c => c with { Members = c.Members with { Sample = sample } }), Channels);
    }

    public Unit? Find(string code) => byCode.GetValueOrDefault(code);

    public bool Contains(string code) => byCode.ContainsKey(code);

    public Cohort Cohort(string id) =>
        cohortsById.TryGetValue(id, out var cohort)
            ? cohort
            : throw new InputException("--cohort", $"unknown cohort '{id}'; known: {string.Join(", ", cohortsById.Keys)}");

    public bool TryGetCohort(string id, out Cohort cohort) => cohortsById.TryGetValue(id, out cohort!);

    public IReadOnlyList<Unit> Members(Cohort cohort) => Units.Where(cohort.Members.Matches).ToList();

    /// <summary>A unit's channels in registry order; indexed, since scoring and listing ask for every unit's.</summary>
    public IReadOnlyList<Channel> ChannelsOf(string unitCode) => channelsByUnit[unitCode].ToList();

    /// <summary>
    /// Units a person may mean by a code, a full name or a published short name. Names can be
    /// ambiguous (朝阳区 is in Beijing and Changchun); callers narrow by cohort or report the ambiguity.
    /// </summary>
    public IReadOnlyList<Unit> Lookup(string codeOrName)
    {
        var key = codeOrName.Trim();
        if (byCode.TryGetValue(key, out var unit))
        {
            return [unit];
        }

        return byName.TryGetValue(key, out var units) ? units : [];
    }
}
