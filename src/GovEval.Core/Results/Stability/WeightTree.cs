using GovEval.Core.Frameworks;
using GovEval.Core.Scoring;

namespace GovEval.Core.Results.Stability;

/// <summary>
/// A framework's indicator tree flattened for re-aggregation under other weights: nodes by index, in an order where
/// every gate's target comes before the gated indicator (the order the engine's memoised recursion reaches them),
/// and the weights that are perturbed ("slots"). A slot is every child of a group that is not a bonus and is worth
/// points: its points are its weight among its siblings. Bonuses add on top of a group and vetoes are worth no points,
/// so neither has a weight to move.
/// </summary>
internal sealed class WeightTree
{
    private readonly List<Indicator> nodes = [];
    private readonly Dictionary<Indicator, int> index = new(ReferenceEqualityComparer.Instance);

    public WeightTree(Framework framework)
    {
        Add(framework.Root);
        var count = nodes.Count;
        Children = new int[count][];
        Bonus = new bool[count];
        Points = new double[count];
        Precision = new int[count];
        GateTarget = new int[count];
        GateAboveScaled = new long[count];
        Slot = new int[count];
        var groups = new List<int[]>();
        var slots = 0;
        for (var i = 0; i < count; i++)
        {
            var node = nodes[i];
            Children[i] = node.Children.Select(c => index[c]).ToArray();
            Bonus[i] = TreeEvaluation.IsBonus(node);
            Points[i] = (double)node.Points;
            Precision[i] = node.Precision ?? -1;
            GateTarget[i] = node.Gate is { } gate && framework.Find(gate.Indicator) is { } target ? index[target] : -1;
            // reached ≤ above, with reached a whole number of the framework's last decimal: ≤ ⌊above × 10^p⌋.
            GateAboveScaled[i] = (long)Math.Floor((node.Gate?.Above ?? 0) * (decimal)Reaggregation.Pow10[framework.Precision]);
            Slot[i] = -1;
        }

        for (var i = 0; i < count; i++)
        {
            var weighted = Children[i].Where(c => !Bonus[c] && Points[c] > 0).ToArray();
            if (weighted.Length < 2)
            {
                // A single weighted child keeps all of its group's points once renormalised: nothing would move.
                continue;
            }

            foreach (var child in weighted)
            {
                Slot[child] = slots++;
            }

            groups.Add(weighted);
        }

        SlotCount = slots;
        SiblingSlots = groups;
        Order = EvaluationOrder();
        FrameworkPrecision = framework.Precision;
        GradeBasis = framework.GradeBasis is { } basis && framework.Find(basis) is { } decides ? index[decides] : 0;
    }

    public IReadOnlyList<Indicator> Nodes => nodes;

    public int Count => nodes.Count;

    /// <summary>The root (the whole framework) is node 0.</summary>
    public int Root => 0;

    public int[][] Children { get; }

    public bool[] Bonus { get; }

    public double[] Points { get; }

    /// <summary>The indicator's own precision, -1 when it has none (the engine keeps six decimals).</summary>
    public int[] Precision { get; }

    public int[] GateTarget { get; }

    /// <summary>A gate's threshold in whole numbers of the framework's last decimal (80 → 800 at one decimal).</summary>
    public long[] GateAboveScaled { get; }

    /// <summary>The node's weight slot, -1 when its weight is not perturbed.</summary>
    public int[] Slot { get; }

    public int SlotCount { get; }

    /// <summary>Per group with weights to move, the slots of its weighted children (renormalised together).</summary>
    public IReadOnlyList<int[]> SiblingSlots { get; }

    /// <summary>Node indices, each after every node it reads (its children and its gate's target).</summary>
    public int[] Order { get; }

    public int FrameworkPrecision { get; }

    /// <summary>The node whose score decides the grade: the framework's grade-basis, or the root.</summary>
    public int GradeBasis { get; }

    /// <summary>Indices of every node below <paramref name="node"/>.</summary>
    public IEnumerable<int> Below(int node)
    {
        foreach (var child in Children[node])
        {
            yield return child;
            foreach (var deeper in Below(child))
            {
                yield return deeper;
            }
        }
    }

    private void Add(Indicator indicator)
    {
        index[indicator] = nodes.Count;
        nodes.Add(indicator);
        foreach (var child in indicator.Children)
        {
            Add(child);
        }
    }

    private int[] EvaluationOrder()
    {
        var order = new List<int>(nodes.Count);
        var visited = new bool[nodes.Count];
        var stack = new Stack<(int Node, bool Expanded)>();
        stack.Push((Root, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded)
            {
                order.Add(node);
                continue;
            }

            if (visited[node])
            {
                continue;
            }

            visited[node] = true;
            stack.Push((node, true));
            for (var i = Children[node].Length - 1; i >= 0; i--)
            {
                stack.Push((Children[node][i], false));
            }

            // Pushed last, so visited first: the gate's target is complete before anything under the gated node.
            if (GateTarget[node] >= 0 && !visited[GateTarget[node]])
            {
                stack.Push((GateTarget[node], false));
            }
        }

        return [.. order];
    }
}
