using System.Globalization;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Scoring;

namespace GovEval.Tests.Results;

/// <summary>
/// A framework small enough to reason about (甲 50 points in two leaves of 30 and 20, 乙 50 points in one leaf; grades
/// 优秀 ≥ 85, 良好 ≥ 75), units scored by the real engine from entered values, and releases built as the command
/// line builds them, for the stability and change-attribution tests.
/// </summary>
internal static class StabilityCases
{
    public const string Yaml = """
        id: stability-test
        version: "1"
        name: 稳定性测试指标
        max: 100
        precision: 1
        grades:
          - { name: 优秀, label: 优秀级, min: 85 }
          - { name: 良好, label: 良好级, min: 75 }
          - { name: 一般, label: 一般级 }
        release:
          stability: { spread: 0.25, samples: 400, seed: SEED, percentiles: [5, 95] }
        verdict-needs:
          - { name: 均已录入, indicators: [a, b] }
        indicators:
          - id: a
            name: 甲
            points: 50
            children:
              - { id: a.one, name: 甲一, rule: expert, points: 30, min: 0, max: 30 }
              - { id: a.two, name: 甲二, rule: expert, points: 20, min: 0, max: 20 }
          - id: b
            name: 乙
            points: 50
            children:
              - { id: b.one, name: 乙一, rule: expert, points: 50, min: 0, max: 50 }
        """;

    public static Framework Framework(long seed = 7, string? yaml = null) =>
        FrameworkLoader.Load(new StringReader((yaml ?? Yaml).Replace("SEED", seed.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)), "stability-test.yaml");

    public static UnitRegistry Registry(int units, CohortResult result) =>
        new(2020, 2020, TestUnits.Make(units), [result == CohortResult.Ranked ? TestUnits.Ranked() : TestUnits.Graded()]);

    /// <summary>A unit's sheet from its three entered values (甲一 of 30, 甲二 of 20, 乙一 of 50).</summary>
    public static ScoreSheet Sheet(Framework framework, string code, decimal aOne, decimal aTwo, decimal bOne) =>
        ScoringEngine.Score(framework, new ScoringInput(
            code,
            new Dictionary<string, IReadOnlyList<string>>(),
            [],
            new Dictionary<string, decimal>(),
            [],
            [Input(code, "a.one", aOne), Input(code, "a.two", aTwo), Input(code, "b.one", bOne)],
            Collected: false));

    public static Release Build(Framework framework, UnitRegistry registry, IReadOnlyList<ScoreSheet> sheets, IReadOnlyList<ScoreSheet>? previous = null, Framework? previousFramework = null) =>
        new ReleaseBuilder(framework, registry, registry.Cohorts).FromSheets(sheets, previous, new ReleaseOptions(2020, "run-stability"), previousFramework);

    /// <summary>Units with seeded, uneven profiles: no two alike, so the weights decide their order.</summary>
    public static List<ScoreSheet> Random(Framework framework, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(1, count)
            .Select(i => Sheet(framework, $"U{i}", random.Next(0, 301) / 10m, random.Next(0, 201) / 10m, random.Next(0, 501) / 10m))
            .ToList();
    }

    private static ExpertInput Input(string code, string indicator, decimal value) =>
        new(code, indicator, value.ToString(CultureInfo.InvariantCulture), null, "测试", $"inputs.csv:{indicator}");
}
