using GovEval.Core.Frameworks;

namespace GovEval.Core.Scoring;

/// <summary>
/// Whether a unit's evaluated tree holds what its framework says a verdict needs (verdict-needs). A site whose
/// homepage could not be read escapes every veto as "not measured"; without this, the leaves that were left
/// would grade it 合格. A leaf counts when it was measured or entered (a veto hit, clear or candidate too); a
/// leaf that does not apply or is gated off is excused; a leaf "not measured" is missing.
/// </summary>
internal static class VerdictNeeds
{
    // A reason names the first few missing leaves; the score sheet lists them all.
    private const int LeavesNamed = 3;

    /// <summary>Null when every need is met; otherwise why the unit cannot be given a verdict, in Chinese.</summary>
    public static string? Unmet(Framework framework, ScoreNode root, IReadOnlyDictionary<string, string> whyNotMeasured)
    {
        var nodes = new Dictionary<string, ScoreNode>(StringComparer.Ordinal);
        foreach (var node in Walk(root))
        {
            nodes.TryAdd(node.Id, node);
        }

        var unmet = new List<string>();
        foreach (var need in framework.VerdictNeeds)
        {
            var lacking = new List<string>();
            foreach (var id in need.Indicators)
            {
                // An indicator inside a group that does not apply is not evaluated at all: nothing is needed of it.
                if (!nodes.TryGetValue(id, out var node))
                {
                    continue;
                }

                var leaves = Walk(node).Where(n => n.Children.Count == 0).ToList();
                if (need.Coverage == NeedCoverage.All)
                {
                    lacking.AddRange(leaves.Where(l => l.Status == NodeStatus.NotMeasured)
                        .Select(l => $"{l.Name}：{whyNotMeasured.GetValueOrDefault(l.Id, "未测量")}"));
                }
                else if (!leaves.Any(Observed) && !leaves.All(Excused))
                {
                    lacking.Add($"{node.Name}：无任何测量值或录入值");
                }
            }

            if (lacking.Count > 0)
            {
                var named = string.Join("；", lacking.Take(LeavesNamed));
                unmet.Add($"不满足“{need.Name}”（{named}{(lacking.Count > LeavesNamed ? $"，等{lacking.Count}项" : "")}）");
            }
        }

        return unmet.Count == 0 ? null : string.Join("；", unmet);
    }

    private static bool Observed(ScoreNode leaf) =>
        leaf.Status is NodeStatus.Scored or NodeStatus.VetoHit or NodeStatus.VetoClear or NodeStatus.VetoCandidate;

    private static bool Excused(ScoreNode leaf) => leaf.Status is NodeStatus.NotApplicable or NodeStatus.GatedOff;

    private static IEnumerable<ScoreNode> Walk(ScoreNode node)
    {
        var stack = new Stack<ScoreNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            yield return next;
            for (var i = next.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(next.Children[i]);
            }
        }
    }
}
