using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Scoring;

namespace GovEval.Tests.Frameworks;

/// <summary>
/// Issue 19, row 7: gates that come back around (of any length, and through the group that holds a gated
/// indicator) are refused by the loader with each indicator's file:line:column and the cycle's path; a gate
/// that goes somewhere else still loads and scores.
/// </summary>
public sealed class GateCycleTests
{
    private const string Head =
        "id: gates\nversion: \"1\"\nname: 门槛\nmax: 30\n" +
        "verdict-needs:\n  - { name: 已录入, indicators: [a], measured: any }\n" +
        "indicators:\n";

    private static string Part(string id, string? gate, params string[] leaves) =>
        $"  - id: {id}\n    name: {id}\n" + (gate is null ? "" : $"    gate: {{ indicator: {gate}, above: 1 }}\n") +
        "    children:\n" + string.Concat(leaves.Select(l => $"      - {{ id: {l}, name: {l}, rule: expert, points: 10, min: 0, max: 10 }}\n"));

    [Fact]
    public void Two_parts_gated_on_each_other_are_refused_naming_both_and_the_path()
    {
        var error = Refused(Head + Part("a", "b", "a.1") + Part("b", "a", "b.1") + Part("c", null, "c.1"));
        var problem = Assert.Single(error.Problems.Count > 0 ? error.Problems : [error]);
        Assert.Equal("f.yaml:10:24: field 'gate.indicator': gates form a cycle, so none of these indicators can be scored first: " +
            "'a' (f.yaml:8:5) is gated on 'b', 'b' (f.yaml:13:5) is gated on 'a'", problem.Message);
    }

    [Fact]
    public void A_cycle_of_three_gates_is_reported_once_with_its_whole_path()
    {
        var error = Refused(Head + Part("a", "b", "a.1") + Part("b", "c", "b.1") + Part("c", "a", "c.1"));
        var problem = Assert.Single(error.Problems.Count > 0 ? error.Problems : [error]);
        Assert.Contains("'a' (f.yaml:8:5) is gated on 'b', 'b' (f.yaml:13:5) is gated on 'c', 'c' (f.yaml:18:5) is gated on 'a'", problem.Message);
    }

    [Fact]
    public void A_leaf_gated_on_the_group_that_holds_it_is_a_cycle_through_its_parent()
    {
        var text = Head + Part("a", null, "a.1") + Part("b", null, "b.1") + Part("c", null, "c.1");
        text = text.Replace("      - { id: b.1, name: b.1, rule: expert, points: 10, min: 0, max: 10 }", "      - { id: b.1, name: b.1, rule: bonus, points: 10, min: 0, max: 10, gate: { indicator: b, above: 1 } }", StringComparison.Ordinal);
        var error = Refused(text);
        Assert.Contains("'b.1' (f.yaml:15:9) is gated on 'b', 'b' (f.yaml:12:5) contains 'b.1'", error.Message);
    }

    [Fact]
    public void A_gate_into_a_deeper_cycle_is_refused_where_the_cycle_is()
    {
        // c is gated on a, which is part of the a ⇄ b cycle; c itself is not on a cycle.
        var error = Refused(Head + Part("a", "b", "a.1") + Part("b", "a", "b.1") + Part("c", "a", "c.1"));
        var problem = Assert.Single(error.Problems.Count > 0 ? error.Problems : [error]);
        Assert.DoesNotContain("'c'", problem.Message);
    }

    [Fact]
    public void Gates_that_lead_somewhere_else_load_and_score()
    {
        var framework = FrameworkLoader.Load(new StringReader(Head + Part("a", null, "a.1") + Part("b", "a", "b.1") + Part("c", "b", "c.1")), "f.yaml");
        var sheet = ScoringEngine.Score(framework, Tests.Scoring.ScoringInputs.Site().NotCollected()
            .Input("a.1", "5").Input("b.1", "5").Input("c.1", "5").Build());
        Assert.Equal(NodeStatus.Scored, sheet.Node("b")!.Status);
        Assert.Equal(NodeStatus.Scored, sheet.Node("c")!.Status);
        Assert.Equal(15, sheet.Total);
    }

    [Fact]
    public void A_cyclic_framework_built_without_the_loader_fails_as_our_bug_not_with_a_stack_overflow()
    {
        var framework = FrameworkLoader.Load(new StringReader(Head + Part("a", null, "a.1") + Part("b", "a", "b.1") + Part("c", null, "c.1")), "f.yaml");
        var a = framework.Find("a")!;
        var cyclic = framework with
        {
            Root = framework.Root with { Children = [a with { Gate = new Gate("b", 1) }, framework.Find("b")!, framework.Find("c")!] },
        };

        var error = Assert.Throws<InvalidOperationException>(() => ScoringEngine.Score(cyclic, Tests.Scoring.ScoringInputs.Site().NotCollected().Input("a.1", "5").Build()));
        Assert.Contains("gate cycle", error.Message);
    }

    private static InputException Refused(string text) =>
        Assert.Throws<InputException>(() => FrameworkLoader.Load(new StringReader(text), "f.yaml"));
}
