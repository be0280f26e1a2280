namespace GovEval.Core.Frameworks;

/// <summary>
/// Finds indicators whose results depend on themselves. Scoring an indicator needs its children (a group sums
/// them) and its gate's target (Part 3 counts only when Part 2 is above 80); when those dependencies come back
/// around — Part 2 gated on Part 3 and Part 3 on Part 2, or a bonus gated on the group that holds it — no
/// indicator can be scored first. Every such cycle passes through a gate (children alone form a tree), so each
/// gate is tried in turn: is the gated indicator reachable from its target? Iterative, so a deep tree is safe.
/// </summary>
internal static class GateCycles
{
    /// <summary>One step of a cycle: <see cref="From"/> depends on <see cref="To"/>, as a child or through its gate.</summary>
    public sealed record Step(Indicator From, Indicator To, bool ThroughGate);

    public static IReadOnlyList<IReadOnlyList<Step>> Find(Framework framework)
    {
        var cycles = new List<IReadOnlyList<Step>>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gated in framework.Indicators())
        {
            if (gated.Gate is not { } gate || framework.Find(gate.Indicator) is not { } target)
            {
                continue;
            }

            if (PathBetween(framework, target, gated) is not { } path)
            {
                continue;
            }

            var cycle = new List<Step> { new(gated, target, true) };
            cycle.AddRange(path);

            // The same cycle is found from each of its gates; report it once.
            var key = string.Join(" ", cycle.Select(s => s.From.Id).Order(StringComparer.Ordinal));
            if (reported.Add(key))
            {
                cycles.Add(cycle);
            }
        }

        return cycles;
    }

    /// <summary>The shortest chain of dependencies from <paramref name="from"/> to <paramref name="to"/> (breadth first), or null.</summary>
    private static List<Step>? PathBetween(Framework framework, Indicator from, Indicator to)
    {
        var cameFrom = new Dictionary<Indicator, Step>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<Indicator>();
        queue.Enqueue(from);
        var seen = new HashSet<Indicator>(ReferenceEqualityComparer.Instance) { from };
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            if (ReferenceEquals(next, to))
            {
                var path = new List<Step>();
                for (var at = to; !ReferenceEquals(at, from); at = cameFrom[at].From)
                {
                    path.Add(cameFrom[at]);
                }

                path.Reverse();
                return path;
            }

            foreach (var step in DependenciesOf(framework, next))
            {
                if (seen.Add(step.To))
                {
                    cameFrom[step.To] = step;
                    queue.Enqueue(step.To);
                }
            }
        }

        return null;
    }

    private static IEnumerable<Step> DependenciesOf(Framework framework, Indicator indicator)
    {
        foreach (var child in indicator.Children)
        {
            yield return new Step(indicator, child, false);
        }

        if (indicator.Gate is { } gate && framework.Find(gate.Indicator) is { } target)
        {
            yield return new Step(indicator, target, true);
        }
    }
}
