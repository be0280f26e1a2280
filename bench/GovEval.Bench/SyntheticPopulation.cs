using GovEval.Core.Observations;
using GovEval.Core.Registry;
using GovEval.Core.Rules;
using GovEval.Core.Scoring;

namespace GovEval.Bench;

/// <summary>
/// The national population of government websites at the end of November 2020 (14,475, as the seed
/// reports): the registry's units plus synthetic department sites, each with a seeded mix of findings
/// shaped like a real round (most sites a few problems, some many, a few vetoes).
/// </summary>
public static class SyntheticPopulation
{
    public const int NationalSites = 14475;

    public static IReadOnlyList<(Unit Unit, ScoringInput Input)> Build(int count, int seed)
    {
        var registry = UnitRegistry.ForYear(2020);
        var random = new Random(seed);
        var rules = RuleCatalogue.All.Where(r => r.Website && !r.Id.StartsWith("veto.", StringComparison.Ordinal)).Select(r => r.Id).ToArray();
        var vetoes = RuleCatalogue.All.Where(r => r.Id.StartsWith("veto.", StringComparison.Ordinal)).Select(r => r.Id).ToArray();
        var result = new List<(Unit, ScoringInput)>(count);
        for (var i = 0; i < count; i++)
        {
            var unit = i < registry.Units.Count
                ? registry.Units[i]
                : Department(registry.Units[i % registry.Units.Count], i);
            var findings = new List<Finding>();
            var problems = random.Next(100) < 70 ? random.Next(0, 8) : random.Next(8, 60);
            for (var f = 0; f < problems; f++)
            {
                var rule = rules[random.Next(rules.Length)];
                findings.Add(new Finding(rule, Severity.Deduction, $"http://www.s{i}.gov.cn/{rule}/{random.Next(40)}.html", $"http://www.s{i}.gov.cn/", "synthetic"));
            }

            if (random.Next(100) < 3)
            {
                findings.Add(new Finding(vetoes[random.Next(vetoes.Length)], Severity.Veto, $"http://www.s{i}.gov.cn/", null, "synthetic veto"));
            }

            var input = new ScoringInput(
                unit.Code,
                new Dictionary<string, IReadOnlyList<string>>
                {
                    ["portal"] = [random.Next(4) == 0 ? "true" : "false"],
                    ["externalServices"] = [random.Next(10) == 0 ? "false" : "true"],
                },
                findings,
                new Dictionary<string, decimal>
                {
                    ["availability.share"] = random.Next(100) < 90 ? 0 : random.Next(0, 80) / 1000m,
                    ["homepage.itemsLast2Weeks"] = random.Next(0, 40),
                },
                [],
                [new ExpertInput(unit.Code, "bonus.services", random.Next(0, 11).ToString(System.Globalization.CultureInfo.InvariantCulture), null, "bench", "bench")],
                Collected: true);
            result.Add((unit, input));
        }

        return result;
    }

    // A department site (<y>.<x>.gov.cn) of a real unit, ranked with its parent's cohort peers.
    private static Unit Department(Unit parent, int index) =>
        parent with { Code = $"{parent.Code}-D{index}", Name = $"{parent.Name}部门{index}", Short = $"{parent.Short}部门{index}", Order = parent.Order * 100000 + index };
}
