using GovEval.Core.Frameworks;

namespace GovEval.Core.Results.Stability;

/// <summary>
/// The alternative weightings of a stability analysis, as factors on each weight slot's nominal points. Sample by
/// sample and slot by slot in tree order, each weight w is drawn uniformly from [w(1 − spread), w(1 + spread)] (the
/// way COINr's get_noisy_weights perturbs a level of weights), then the weights of one group are renormalised so
/// they add up to the group's nominal points again. Renormalising keeps every group, and the total, on the scale the
/// grade boundaries and gates are written in (60, 85, "Part 2 above 80"): only the shares among siblings move.
/// </summary>
internal sealed class WeightDraws
{
    private readonly double[] factors;

    public WeightDraws(WeightTree tree, StabilitySettings settings)
    {
        Samples = settings.Samples;
        SlotCount = tree.SlotCount;
        factors = new double[Samples * SlotCount];
        var random = new SplitMix64((ulong)settings.Seed);
        var spread = (double)settings.Spread;
        for (var sample = 0; sample < Samples; sample++)
        {
            var row = factors.AsSpan(sample * SlotCount, SlotCount);
            for (var slot = 0; slot < SlotCount; slot++)
            {
                row[slot] = 1 + (spread * ((2 * random.NextDouble()) - 1));
            }

            foreach (var siblings in tree.SiblingSlots)
            {
                var nominal = 0.0;
                var drawn = 0.0;
                foreach (var node in siblings)
                {
                    nominal += tree.Points[node];
                    drawn += tree.Points[node] * row[tree.Slot[node]];
                }

                foreach (var node in siblings)
                {
                    row[tree.Slot[node]] *= nominal / drawn;
                }
            }
        }
    }

    public int Samples { get; }

    public int SlotCount { get; }

    /// <summary>The factor on each slot's nominal weight in one sample (1 everywhere is the framework as written).</summary>
    public ReadOnlySpan<double> Sample(int sample) => factors.AsSpan(sample * SlotCount, SlotCount);
}
