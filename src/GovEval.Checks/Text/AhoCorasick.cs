namespace GovEval.Checks.Text;

/// <summary>One occurrence of a pattern: where it starts in the text, its length and which pattern it is.</summary>
public readonly record struct PatternMatch(int Start, int Length, int Pattern);

/// <summary>
/// Finds every occurrence of many patterns in one pass over the text (Aho–Corasick automaton): sensitive-word
/// lists run to thousands of terms, and checking each page term by term would be quadratic in practice.
/// Matching folds case and full-width ASCII so ＡＢＣ, abc and ABC meet; positions refer to the original text.
/// </summary>
public sealed class AhoCorasick
{
    private readonly List<Dictionary<char, int>> next = [new()];
    private readonly List<int> fail = [0];
    private readonly List<List<int>> outputs = [[]];
    private readonly int[] lengths;

    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        lengths = new int[patterns.Count];
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            if (string.IsNullOrEmpty(pattern))
            {
                throw new ArgumentException($"pattern {i} is empty", nameof(patterns));
            }

            lengths[i] = pattern.Length;
            var state = 0;
            foreach (var raw in pattern)
            {
                var c = Fold(raw);
                if (!next[state].TryGetValue(c, out var target))
                {
                    target = next.Count;
                    next.Add(new Dictionary<char, int>());
                    fail.Add(0);
                    outputs.Add([]);
                    next[state][c] = target;
                }

                state = target;
            }

            outputs[state].Add(i);
        }

        BuildFailureLinks();
    }

    public int PatternCount => lengths.Length;

    /// <summary>Every match, overlapping ones included, in order of their end position.</summary>
    public IEnumerable<PatternMatch> Matches(string text)
    {
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            while (state != 0 && !next[state].ContainsKey(c))
            {
                state = fail[state];
            }

            state = next[state].TryGetValue(c, out var target) ? target : 0;
            foreach (var pattern in outputs[state])
            {
                yield return new PatternMatch(i - lengths[pattern] + 1, lengths[pattern], pattern);
            }
        }
    }

    private void BuildFailureLinks()
    {
        // Breadth first, so a node's failure target is final before its children need it; each node's output
        // list absorbs its failure target's, so a match of 总理 inside 副总理 is reported too.
        var queue = new Queue<int>();
        foreach (var child in next[0].Values)
        {
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (c, child) in next[state])
            {
                var f = fail[state];
                while (f != 0 && !next[f].ContainsKey(c))
                {
                    f = fail[f];
                }

                fail[child] = next[f].TryGetValue(c, out var target) && target != child ? target : 0;
                outputs[child].AddRange(outputs[fail[child]]);
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>Case and width folding that keeps one character per character, so offsets stay valid.</summary>
    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }

        return char.ToLowerInvariant(c);
    }
}
