using GovEval.Checks.Text;

namespace GovEval.Checks.Tests.Text;

public sealed class AhoCorasickTests
{
    [Fact]
    public void Finds_overlapping_and_nested_patterns_with_their_positions()
    {
        var automaton = new AhoCorasick(["总理", "副总理", "国务院副总理", "理事"]);
        var matches = automaton.Matches("国务院副总理事务").Select(m => (m.Start, m.Length, m.Pattern)).ToList();
        Assert.Equal([(0, 6, 2), (3, 3, 1), (4, 2, 0), (5, 2, 3)], matches.OrderBy(m => m.Start).ToList());
    }

    [Fact]
    public void Follows_failure_links_after_a_partial_match()
    {
        // "he" fails inside "she" at s-h-e and must continue from the suffix "he", the classic case.
        var automaton = new AhoCorasick(["he", "she", "his", "hers"]);
        var found = automaton.Matches("ushers").Select(m => (m.Start, m.Pattern)).OrderBy(m => m).ToList();
        Assert.Equal([(1, 1), (2, 0), (2, 3)], found);
    }

    [Fact]
    public void Folds_case_and_full_width_letters()
    {
        var automaton = new AhoCorasick(["vpn翻墙"]);
        Assert.Single(automaton.Matches("免费ＶＰＮ翻墙"));
        Assert.Single(automaton.Matches("免费VPN翻墙"));
    }

    [Fact]
    public void Agrees_with_naive_search_on_random_text()
    {
        var random = new Random(7);
        var alphabet = "甲乙丙丁ab";
        var patterns = Enumerable.Range(0, 40).Select(_ => new string(Enumerable.Range(0, random.Next(1, 5)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())).Distinct().ToList();
        var text = new string(Enumerable.Range(0, 2000).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        var automaton = new AhoCorasick(patterns);
        var expected = new List<(int, int)>();
        for (var p = 0; p < patterns.Count; p++)
        {
            for (var i = text.IndexOf(patterns[p], StringComparison.Ordinal); i >= 0; i = text.IndexOf(patterns[p], i + 1, StringComparison.Ordinal))
            {
                expected.Add((i, p));
            }
        }

        Assert.Equal(expected.Order().ToList(), automaton.Matches(text).Select(m => (m.Start, m.Pattern)).Order().ToList());
    }

    [Fact]
    public void Refuses_an_empty_pattern() => Assert.Throws<ArgumentException>(() => new AhoCorasick(["a", ""]));
}
