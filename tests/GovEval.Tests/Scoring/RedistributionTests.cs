using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Scoring;

namespace GovEval.Tests.Scoring;

/// <summary>
/// Where a group's points go when a child does not apply or was not measured: in proportion to the others' points
/// (the default, the national check's 4/3) or in equal shares (<c>redistribute: even</c>, a province's variant).
/// </summary>
public sealed class RedistributionTests
{
    // Three expert leaves worth 10, 20 and 30; c applies only to units with external services; a bonus of 5 on top.
    private static string Text(string redistribute) =>
        "id: shares\nversion: \"1\"\nname: 分配\nmax: 65\n" +
        "verdict-needs:\n  - { name: 已录入, indicators: [a], measured: any }\n" +
        "indicators:\n" +
        "  - id: g\n    name: 组\n" + redistribute +
        "    children:\n" +
        "      - { id: a, name: 甲, rule: expert, points: 10, min: 0, max: 10 }\n" +
        "      - { id: b, name: 乙, rule: expert, points: 20, min: 0, max: 20 }\n" +
        "      - { id: c, name: 丙, rule: expert, points: 30, min: 0, max: 30, applies-when: { externalServices: true } }\n" +
        "      - { id: x, name: 加分, rule: bonus, points: 5, min: 0, max: 5 }\n";

    private static readonly Framework Even = FrameworkLoader.Load(new StringReader(Text("    redistribute: even\n")), "even.yaml");
    private static readonly Framework Proportional = FrameworkLoader.Load(new StringReader(Text("")), "proportional.yaml");

    private static ScoreSheet Score(Framework framework, bool services, params (string Leaf, string Value)[] inputs) =>
        ScoringEngine.Score(framework, new ScoringInput(
            "u1",
            new Dictionary<string, IReadOnlyList<string>> { ["externalServices"] = [services ? "true" : "false"] },
            [],
            new Dictionary<string, decimal>(),
            [],
            inputs.Select((x, i) => new ExpertInput("u1", x.Leaf, x.Value, null, null, $"inputs.csv:{i + 2}")).ToList(),
            Collected: false));

    [Fact]
    public void Even_gives_each_remaining_child_an_equal_share_of_the_points_left_over()
    {
        // c's 30 points over a and b: 15 each, so a is worth 25 and b 35; a scored 5 of 10 (half of 25), b 20 of 20.
        var sheet = Score(Even, services: false, ("a", "5"), ("b", "20"));
        Assert.Equal(12.5m + 35m, sheet.Node("g")!.Earned);
        Assert.Equal(60, sheet.Node("g")!.Max);
        Assert.Contains(sheet.Node("g")!.Lines, l => l.Text.Contains("平均分配给其余2项（每项增加15分）", StringComparison.Ordinal));

        // In proportion instead: a and b (30 of 60) are doubled, 5 + 20 → 50.
        var proportional = Score(Proportional, services: false, ("a", "5"), ("b", "20"));
        Assert.Equal(50, proportional.Node("g")!.Earned);
    }

    [Fact]
    public void Even_changes_nothing_when_every_child_applies_and_never_shares_with_a_bonus()
    {
        var even = Score(Even, services: true, ("a", "5"), ("b", "20"), ("c", "30"), ("x", "4"));
        var proportional = Score(Proportional, services: true, ("a", "5"), ("b", "20"), ("c", "30"), ("x", "4"));
        Assert.Equal(59, even.Node("g")!.Earned);
        Assert.Equal(proportional.Node("g")!.Earned, even.Node("g")!.Earned);

        // Without c the bonus stays 4: the 30 points go to a and b only.
        var shared = Score(Even, services: false, ("a", "10"), ("b", "20"), ("x", "4"));
        Assert.Equal(25m + 35m + 4m, shared.Node("g")!.Earned);
    }

    [Fact]
    public void A_child_left_unmeasured_shares_its_points_as_one_that_does_not_apply()
    {
        // b entered by nobody (when-missing: exclude): its 20 go to a and c, 10 each.
        var sheet = Score(Even, services: true, ("a", "10"), ("c", "15"));
        Assert.Equal(20m + 20m, sheet.Node("g")!.Earned);
        Assert.Equal(NodeStatus.NotMeasured, sheet.Node("b")!.Status);
    }
}
