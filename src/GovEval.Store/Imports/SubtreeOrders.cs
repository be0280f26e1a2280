namespace GovEval.Store.Imports;

/// <summary>
/// The greatest listing order in each unit's subtree, for a registry whose shape is settled while orders are still
/// being given out (a new unit is listed right after the last unit under its parent). Every subtree is a range of a
/// depth-first numbering and the orders sit in a max segment tree over it, so a query or an update costs log n
/// however many units a parent has or however deep they nest: walking the subtree for every new unit made a
/// 100,000-row import quadratic.
/// </summary>
internal sealed class SubtreeOrders
{
    private readonly Dictionary<string, (int First, int End)> ranges;
    private readonly long[] tree;
    private readonly int size;

    /// <param name="parents">
    /// Every unit of the tree and its parent; a unit whose parent is null or not in the tree starts a tree of its own.
    /// Units on a cycle of parents are reachable from no top and get no range.
    /// </param>
    public SubtreeOrders(IReadOnlyDictionary<string, string?> parents)
    {
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var tops = new List<string>();
        foreach (var (code, parent) in parents)
        {
            if (parent is null || !parents.ContainsKey(parent))
            {
                tops.Add(code);
            }
            else if (children.TryGetValue(parent, out var list))
            {
                list.Add(code);
            }
            else
            {
                children[parent] = [code];
            }
        }

        ranges = new Dictionary<string, (int, int)>(parents.Count, StringComparer.Ordinal);
        var next = 0;
        var stack = new Stack<(string Code, bool Leaving)>();
        foreach (var top in tops)
        {
            stack.Push((top, false));
            while (stack.Count > 0)
            {
                var (code, leaving) = stack.Pop();
                if (leaving)
                {
                    ranges[code] = (ranges[code].First, next);
                    continue;
                }

                ranges[code] = (next++, 0);
                stack.Push((code, true));
                foreach (var child in children.GetValueOrDefault(code) ?? [])
                {
                    stack.Push((child, false));
                }
            }
        }

        size = Math.Max(next, 1);
        tree = new long[2 * size];
        Array.Fill(tree, long.MinValue);
    }

    /// <summary>Records <paramref name="order"/> as the order of <paramref name="code"/> (orders only grow here).</summary>
    public void Raise(string code, long order)
    {
        var i = ranges[code].First + size;
        tree[i] = Math.Max(tree[i], order);
        for (i /= 2; i >= 1; i /= 2)
        {
            tree[i] = Math.Max(tree[2 * i], tree[(2 * i) + 1]);
        }
    }

    /// <summary>The greatest order recorded in the subtree of <paramref name="code"/>, itself included.</summary>
    public long Max(string code)
    {
        var (first, end) = ranges[code];
        var max = long.MinValue;
        for (int lo = first + size, hi = end + size; lo < hi; lo /= 2, hi /= 2)
        {
            if ((lo & 1) == 1)
            {
                max = Math.Max(max, tree[lo++]);
            }

            if ((hi & 1) == 1)
            {
                max = Math.Max(max, tree[--hi]);
            }
        }

        return max;
    }
}
