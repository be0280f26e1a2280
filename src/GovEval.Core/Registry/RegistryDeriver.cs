using System.Globalization;

namespace GovEval.Core.Registry;

/// <summary>
/// Builds a year's units from the public facts (GB/T 2260 division list, State Council structure,
/// city roles). Run by <c>goveval registry derive</c> when a new edition of the facts appears; the
/// result is committed under data/registry so nothing reads the sources at run time.
/// </summary>
public static class RegistryDeriver
{
    /// <summary>新疆生产建设兵团 has no GB/T 2260 code; 660000 is the code its own statistics use.</summary>
    public const string CorpsCode = "660000";

    private const string CorpsName = "新疆生产建设兵团";
    private const long DivisionOrderBase = 1000;

    public static IReadOnlyList<Unit> Derive(
        IReadOnlyList<(string Code, string Name)> divisions,
        IReadOnlyList<StateCouncilBody> allBodies,
        int structure,
        IReadOnlyList<(string Code, string Role)> cityRoles)
    {
        var units = new List<Unit>();
        var bodyCodes = AssignBodyCodes(allBodies);
        foreach (var body in allBodies.Where(b => b.Structure == structure).OrderBy(b => b.Seq))
        {
            units.Add(new Unit(
                bodyCodes[body.Name],
                body.Name,
                body.Short,
                UnitLevel.Central,
                "state-council-body",
                null,
                body.Seq,
                [body.Tier]));
        }

        var roles = cityRoles.ToLookup(r => r.Code, r => r.Role);
        var byCode = new Dictionary<string, Unit>(StringComparer.Ordinal);
        for (var i = 0; i < divisions.Count; i++)
        {
            var (code, name) = divisions[i];
            var level = DivisionNames.LevelOf(code);
            var parent = ParentOf(code, level, byCode);
            var order = DivisionOrderBase + (i * 10L);
            var unit = new Unit(
                code,
                name,
                DivisionNames.ShortName(code, name, parent),
                level,
                DivisionNames.KindOf(code, name),
                parent?.Code,
                order,
                roles[code].Distinct().ToArray());
            byCode[code] = unit;
            units.Add(unit);
            if (code == "650000")
            {
                // Listed right after 新疆 in every published list (reference/cohorts.md).
                units.Add(new Unit(CorpsCode, CorpsName, CorpsName, UnitLevel.Province, "corps", null, order + 5, []));
            }
        }

        return units;
    }

    /// <summary>
    /// Stable codes for State Council bodies across reforms: SC + three digits, in order of first
    /// appearance, so a body keeps its code when it changes tier (证监会, 信访局).
    /// </summary>
    public static IReadOnlyDictionary<string, string> AssignBodyCodes(IEnumerable<StateCouncilBody> allBodies)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var body in allBodies.OrderBy(b => b.Structure).ThenBy(b => b.Seq))
        {
            if (!codes.ContainsKey(body.Name))
            {
                codes[body.Name] = "SC" + (codes.Count + 1).ToString("000", CultureInfo.InvariantCulture);
            }
        }

        return codes;
    }

    private static Unit? ParentOf(string code, UnitLevel level, Dictionary<string, Unit> known)
    {
        if (level == UnitLevel.Province)
        {
            return null;
        }

        if (level == UnitLevel.County && known.TryGetValue(code[..4] + "00", out var prefecture))
        {
            return prefecture;
        }

        // Municipal districts and counties directly under a province (仙桃市) hang from the province.
        return known.GetValueOrDefault(code[..2] + "0000");
    }
}
