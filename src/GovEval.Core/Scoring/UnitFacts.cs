using GovEval.Core.Registry;

namespace GovEval.Core.Scoring;

/// <summary>
/// The facts applies-when conditions read, from the registry: level, kind, tags, cohorts, and from the unit's
/// website channels whether it is a portal and offers external services. A unit with no registered website is
/// assessed on its own government portal, which offers services unless the registry says otherwise.
/// </summary>
public static class UnitFacts
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> For(Unit unit, IReadOnlyList<Channel> channels, IEnumerable<string> cohortIds)
    {
        var websites = channels.Where(c => c.Kind == ChannelKind.Website).ToList();
        var portal = websites.Count == 0 || websites.Any(w => w.Portal);
        var services = websites.Count == 0 || websites.Any(w => w.ExternalServices);
        return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["code"] = [unit.Code],
            ["level"] = [UnitsFile.LevelId(unit.Level)],
            ["kind"] = [unit.Kind],
            ["tag"] = unit.Tags.ToList(),
            ["cohort"] = cohortIds.ToList(),
            ["portal"] = [Bool(portal)],
            ["externalServices"] = [Bool(services)],
        };
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
