using GovEval.Core.Registry;

namespace GovEval.Core.Results;

/// <summary>
/// Finds the unit a person meant by a code, full name or published short name, among the members of the cohorts
/// being published: 朝阳区 alone is ambiguous nationally, but a name is accepted when only one member carries it.
/// </summary>
public sealed class UnitResolver
{
    private readonly UnitRegistry registry;
    private readonly HashSet<string> members;
    private readonly string cohortNames;

    public UnitResolver(UnitRegistry registry, IReadOnlyList<Cohort> cohorts)
    {
        this.registry = registry;
        members = cohorts.SelectMany(registry.Members).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        cohortNames = string.Join(", ", cohorts.Select(c => c.Id));
    }

    /// <summary>
    /// True when the text names units of the registry none of which is published here: a table covering every
    /// cohort may be published one cohort at a time, so such rows are left out rather than refused.
    /// </summary>
    public bool IsOutside(string text)
    {
        var candidates = registry.Lookup(text);
        return candidates.Count > 0 && !candidates.Any(u => members.Contains(u.Code));
    }

    /// <summary>The unit, or a sentence saying why there is none (unknown, not in these cohorts, ambiguous).</summary>
    public (Unit? Unit, string? Problem) Resolve(string text)
    {
        var candidates = registry.Lookup(text);
        if (candidates.Count == 0)
        {
            return (null, $"unknown unit '{text}': not a code, full name or short name in the {registry.Year} registry");
        }

        var inCohorts = candidates.Where(u => members.Contains(u.Code)).ToList();
        return inCohorts.Count switch
        {
            1 => (inCohorts[0], null),
            0 => (null, $"'{text}' ({Describe(candidates)}) is not a member of the cohorts being published ({cohortNames})"),
            _ => (null, $"ambiguous unit '{text}': {Describe(inCohorts)}; write the code or the short name"),
        };
    }

    private static string Describe(IEnumerable<Unit> units) =>
        string.Join(", ", units.Take(5).Select(u => $"{u.Code} {u.Short}"));
}
