using GovEval.Checks.Text;

namespace GovEval.Checks.Content;

/// <summary>A wrong form found in a page's text: what was written, what it should be, and whether it is serious.</summary>
public sealed record TypoHit(string Written, string Right, bool Serious, bool SamePinyin);

/// <summary>
/// Finds wrong forms in text: listed wrong forms exactly (one automaton pass), and official terms written with
/// one same-sounding wrong character that no list names (near misses by pinyin). A listed wrong form inside its
/// own right form (a misused-word entry that is part of a longer correct word) is not an error.
/// </summary>
public static class TypoMatcher
{
    /// <summary>Shorter official terms are too likely to meet ordinary words one character away.</summary>
    public const int MinimumNearMissLength = 4;

    public static IReadOnlyList<TypoHit> Find(string text, ContentDictionaries dictionaries)
    {
        var hits = new List<TypoHit>();
        var seen = new HashSet<(string, string)>();
        foreach (var match in dictionaries.WrongFormAutomaton.Matches(text))
        {
            var form = dictionaries.WrongForms[match.Pattern];
            if (InsideRightForm(text, match, form.Right) || !seen.Add((form.Wrong, form.Right)))
            {
                continue;
            }

            hits.Add(new TypoHit(text.Substring(match.Start, match.Length), form.Right, form.Serious, false));
        }

        if (dictionaries.Pinyin is { } pinyin)
        {
            foreach (var term in dictionaries.OfficialTerms.Where(t => t.Right.Length >= MinimumNearMissLength).DistinctBy(t => t.Right))
            {
                foreach (var written in NearMisses(text, term.Right, pinyin))
                {
                    if (seen.Add((written, term.Right)))
                    {
                        hits.Add(new TypoHit(written, term.Right, term.Serious, true));
                    }
                }
            }
        }

        return hits;
    }

    /// <summary>Windows of the text that differ from <paramref name="right"/> in exactly one same-sounding character.</summary>
    public static IEnumerable<string> NearMisses(string text, string right, PinyinTable pinyin)
    {
        var n = right.Length;
        for (var start = 0; start + n <= text.Length; start++)
        {
            // One difference at most: the first or the second character must already agree.
            if (text[start] != right[0] && text[start + 1] != right[1])
            {
                continue;
            }

            var differing = -1;
            for (var i = 0; i < n; i++)
            {
                if (text[start + i] == right[i])
                {
                    continue;
                }

                if (differing >= 0)
                {
                    differing = -2;
                    break;
                }

                differing = i;
            }

            if (differing >= 0 && pinyin.SoundAlike(text[start + differing], right[differing]))
            {
                yield return text.Substring(start, n);
            }
        }
    }

    private static bool InsideRightForm(string text, PatternMatch match, string right)
    {
        // Some entries are part of their own right form (a wrong XY whose right form is XYZ): text that holds the
        // right form around the match is correct.
        var from = Math.Max(0, match.Start - right.Length);
        var to = Math.Min(text.Length, match.Start + match.Length + right.Length);
        var window = text[from..to];
        var at = window.IndexOf(right, StringComparison.Ordinal);
        while (at >= 0)
        {
            var absolute = from + at;
            if (absolute <= match.Start && absolute + right.Length >= match.Start + match.Length)
            {
                return true;
            }

            at = window.IndexOf(right, at + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
