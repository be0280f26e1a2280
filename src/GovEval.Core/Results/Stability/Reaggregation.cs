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

    // The nodes recomputed per sample, in evaluation order (the stored ones never change).
    private int[] computed = [];

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
        unit.computed = tree.Order.Where(i => !unit.stored[i]).ToArray();
        return problem is null ? unit : null;
    }

    /// <summary>Fills the scratch space with the unit's stored values, once before evaluating its samples.</summary>
    public void Prepare((double[] Earned, double[] Max) scratch)
    {
        earned.CopyTo(scratch.Earned, 0);
        max.CopyTo(scratch.Max, 0);
    }

    /// <summary>Scratch space for <see cref="Evaluate"/>, one per thread.</summary>
    public static (double[] Earned, double[] Max) Scratch(WeightTree tree) => (new double[tree.Count], new double[tree.Count]);

    /// <summary>
    /// The total and the grade basis under one sample's weight factors, both rounded to the framework's precision half
    /// away from zero as the engine publishes them, and given as whole numbers of the last decimal (85.3 → 853 at one
    /// decimal) so that ranking and grading compare them exactly. The scratch space must hold this unit's
    /// <see cref="Prepare"/>d values.
    /// </summary>
    public (long Total, long Basis) Evaluate(ReadOnlySpan<double> factors, (double[] Earned, double[] Max) scratch)
    {
        var (e, m) = scratch;
        foreach (var i in computed)
        {
            if (tree.GateTarget[i] is var target and >= 0 && Scaled(e[target], tree.FrameworkPrecision) <= tree.GateAboveScaled[i])
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

            e[i] = tree.Precision[i] >= 0 ? Scaled(sum, tree.Precision[i]) / Pow10[tree.Precision[i]] : Math.Round(sum, 6, MidpointRounding.AwayFromZero);
            m[i] = top;
        }

        var total = Scaled(e[tree.Root], tree.FrameworkPrecision);
        return (total, tree.GradeBasis == tree.Root ? total : Scaled(e[tree.GradeBasis], tree.FrameworkPrecision));
    }

    /// <summary>Powers of ten for precisions (a framework file allows 0–4; the engine keeps six decimals in nodes).</summary>
    internal static readonly double[] Pow10 = Enumerable.Range(0, 16).Select(i => Math.Pow(10, i)).ToArray();

    /// <summary>
    /// <paramref name="value"/> rounded half away from zero to <paramref name="decimals"/>, as a whole number of the
    /// last decimal. Near a midpoint it goes through decimal, whose conversion keeps 15 significant digits, so a double
    /// sum of 80.05 held as 80.04999… rounds to 80.1 as the engine's decimal arithmetic does; elsewhere the double is
    /// far enough from the midpoint for its last bits not to matter, and the fast path gives the same answer.
    /// </summary>
    internal static long Scaled(double value, int decimals)
    {
        var scaled = value * Pow10[decimals];
        var floor = Math.Floor(scaled);
        var fraction = scaled - floor;
        if (value >= 0 && Math.Abs(fraction - 0.5) > 1e-6)
        {
            return (long)(fraction < 0.5 ? floor : floor + 1);
        }

        return (long)(Rounding.Round((decimal)value, decimals) * (decimal)Pow10[decimals]);
    }

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
