using GovEval.Core.Scoring;

namespace GovEval.Core.Results.Stability;

/// <summary>
/// One unit's stored indicator scores, re-aggregated under other weights with the framework's own rules. What a
/// leaf earned (a deduction already capped at its points, a curve's share, an expert's option, a not-measured leaf
/// excluded or zeroed as when-missing says) is read from the score sheet and kept as a share of the leaf's points;
/// groups are recomputed exactly as the engine computes them (<see cref="TreeEvaluation"/>): weighted children
/// summed, rescaled to the group's points when some do not apply, bonuses added on top, gates re-evaluated on the
/// re-aggregated score of their target, each group rounded to its precision. Indicators that do not apply stay so.
/// </summary>
internal sealed class Reaggregation
{
    private readonly WeightTree tree;

    // Per node: a value read from the sheet (leaves, indicators that do not apply) or recomputed (groups, gated leaves).
    private readonly bool[] stored;
    private readonly double[] earned;
    private readonly double[] max;

    private Reaggregation(WeightTree tree)
    {
        this.tree = tree;
        stored = new bool[tree.Count];
        earned = new double[tree.Count];
        max = new double[tree.Count];
    }

    /// <summary>
    /// The unit's scores, or null with the reason when its sheet does not have the framework's shape (a sheet scored
    /// with another version of the file, or assembled by hand).
    /// </summary>
    public static Reaggregation? From(WeightTree tree, ScoreSheet sheet, out string? problem)
    {
        var unit = new Reaggregation(tree);
        problem = unit.Read(tree.Root, sheet.Root);
        return problem is null ? unit : null;
    }

    /// <summary>Scratch space for <see cref="Evaluate"/>, one per thread.</summary>
    public static (double[] Earned, double[] Max) Scratch(WeightTree tree) => (new double[tree.Count], new double[tree.Count]);

    /// <summary>
    /// The total and the grade basis (both rounded to the framework's precision, half away from zero, as the engine
    /// publishes them) under one sample's weight factors.
    /// </summary>
    public (decimal Total, decimal Basis) Evaluate(ReadOnlySpan<double> factors, (double[] Earned, double[] Max) scratch)
    {
        var (e, m) = scratch;
        foreach (var i in tree.Order)
        {
            if (stored[i])
            {
                e[i] = earned[i];
                m[i] = max[i];
                continue;
            }

            if (tree.GateTarget[i] is var target and >= 0 && Round(e[target], tree.FrameworkPrecision) <= tree.GateAbove[i])
            {
                // Gated off, as the engine states it: worth its points, earning nothing.
                e[i] = 0;
                m[i] = tree.Points[i];
                continue;
            }

            if (tree.Children[i].Length == 0)
            {
                // A gated leaf whose gate is open: what it earned when scored (nothing is known of one the engine gated off).
                e[i] = earned[i];
                m[i] = max[i];
                continue;
            }

            double regularPoints = 0, applicable = 0, regularEarned = 0, bonusMax = 0, bonusEarned = 0;
            foreach (var c in tree.Children[i])
            {
                if (tree.Bonus[c])
                {
                    bonusMax += m[c];
                    bonusEarned += e[c];
                    continue;
                }

                var k = tree.Slot[c] >= 0 ? factors[tree.Slot[c]] : 1.0;
                regularPoints += tree.Points[c];
                applicable += k * m[c];
                regularEarned += k * e[c];
            }

            var sum = bonusEarned;
            var top = bonusMax;
            if (applicable > 0)
            {
                sum += regularEarned * regularPoints / applicable;
                top += regularPoints;
            }

            e[i] = tree.Precision[i] >= 0 ? (double)Round(sum, tree.Precision[i]) : Math.Round(sum, 6, MidpointRounding.AwayFromZero);
            m[i] = top;
        }

        var total = Round(e[tree.Root], tree.FrameworkPrecision);
        return (total, tree.GradeBasis == tree.Root ? total : Round(e[tree.GradeBasis], tree.FrameworkPrecision));
    }

    /// <summary>
    /// Half away from zero, as published. Through decimal, whose conversion keeps 15 significant digits: a double sum
    /// of 80.05 stored as 80.04999… rounds to 80.1 as the engine's decimal arithmetic does.
    /// </summary>
    private static decimal Round(double value, int decimals) => Rounding.Round((decimal)value, decimals);

    private string? Read(int i, ScoreNode? node)
    {
        var indicator = tree.Nodes[i];
        if (node is null || node.Id != indicator.Id)
        {
            return $"indicator '{indicator.Id}' is missing from the score sheet";
        }

        if (node.Status == NodeStatus.NotApplicable)
        {
            Store(i, 0, 0);
            foreach (var below in tree.Below(i))
            {
                Store(below, 0, 0);
            }

            return null;
        }

        if (tree.Children[i].Length == 0)
        {
            if (tree.GateTarget[i] < 0)
            {
                Store(i, node.Earned, node.Max);
            }
            else
            {
                (earned[i], max[i]) = node.Status == NodeStatus.GatedOff ? (0, tree.Points[i]) : ((double)node.Earned, (double)node.Max);
            }

            return null;
        }

        foreach (var child in tree.Children[i])
        {
            var id = tree.Nodes[child].Id;
            if (Read(child, node.Children.FirstOrDefault(n => n.Id == id)) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private void Store(int i, decimal nodeEarned, decimal nodeMax)
    {
        stored[i] = true;
        earned[i] = (double)nodeEarned;
        max[i] = (double)nodeMax;
    }
}
