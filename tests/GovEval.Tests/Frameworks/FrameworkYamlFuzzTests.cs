using System.Text;
using CsCheck;
using Xunit.Abstractions;
using GovEval.Core.Frameworks;
using GovEval.Core.Scoring;
using GovEval.Tests.Cli;

namespace GovEval.Tests.Frameworks;

/// <summary>
/// Fuzzing framework files through the real entry point, <c>goveval frameworks validate FILE</c> in-process:
/// mutated shipped frameworks, random nesting, anchors and aliases, random unicode, random gates. The command
/// exits 0 or 2, never 1 ("internal error") and never takes the process down; a file it accepts can be scored
/// and its score sheet stored.
/// About five seconds a test, twenty for the class.
/// </summary>
public sealed class FrameworkYamlFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seconds = 5;

    private static readonly string[] Snippets =
    [
        "&a ", "*a", "&x [*x]", "<<: *a\n", "[", "]", "{", "}", ": ", "- ", "\n", "  ", "\t", "!!str ", "!x ", "---\n", "...\n",
        "? ", "\"", "'", "|\n", ">-\n", "# ", "%YAML 1.2\n", "~", "null", "true", "-1e309", "0x1F", "79228162514264337593543950336",
        "１２", "\0", "\uFEFF", "\u202E", "\u200B", "政府", "😀", "\r", "\r\n", ",", "@", "`", "\\", "%", "children:\n", "rule: bonus\n",
        "gate: { indicator: part2, above: 80 }\n", "applies-when: { portal: true }\n", "verdict-needs: []\n",
    ];

    private static readonly Dictionary<string, string> ShippedText =
        FrameworkCatalog.Ids.ToDictionary(id => id, HostileYamlTests.Shipped);

    private readonly CliWorkspace workspace = new();
    private int files;

    public void Dispose() => workspace.Dispose();

    [Fact]
    public Task Mutated_shipped_frameworks_exit_0_or_2() =>
        Property(
            from id in Gen.OneOf(FrameworkCatalog.Ids.ToArray())
            from edits in Gen.Select(Gen.Int[0, 4], Gen.Int.Positive, Gen.Int[0, 60], Gen.Int[0, Snippets.Length - 1]).Array[1, 8]
            select Mutate(ShippedText[id], edits));

    [Fact]
    public Task Random_nesting_anchors_and_aliases_exit_0_or_2() =>
        Property(Gen.OneOf(
            from depth in Gen.Int[0, 5000]
            select "x: " + new string('[', depth) + new string(']', depth) + "\n",
            from depth in Gen.Int[0, 3000]
            select "x: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth) + "\n",
            from depth in Gen.Int[0, 150]
            select string.Concat(Enumerable.Range(0, depth).Select(level => new string(' ', level * 2) + "k:\n")),
            from levels in Gen.Int[1, 12]
            from width in Gen.Int[1, 12]
            select Laughs(levels, width),
            from count in Gen.Int[1, 50]
            select "x: &r [" + string.Join(", ", Enumerable.Repeat("*r", count)) + "]\n",
            from depth in Gen.Int[1, 40]
            select Chain(depth)));

    [Fact]
    public Task Random_unicode_exits_0_or_2() =>
        Property(
            from prefix in Gen.OneOf("", "id: ", "indicators:\n  - ", ShippedText["gov-website-check-2019"])
            from points in Gen.Int[0, 0x10FFFF].Where(c => c is < 0xD800 or > 0xDFFF).Array[0, 300]
            select prefix + string.Concat(points.Select(char.ConvertFromUtf32)));

    [Fact]
    public Task Random_gates_are_refused_as_cycles_or_score_without_overflow()
    {
        var check = FrameworkCatalog.Get("gov-website-check-2019");
        var ids = check.Indicators().Where(i => i.Id != "total").ToArray();
        return Property(
            from gates in Gen.Select(Gen.Int[0, ids.Length - 1], Gen.Int[0, ids.Length - 1], Gen.Int[0, 100]).Array[1, 5]
            select WithGates(ShippedText["gov-website-check-2019"], gates.Select(g => (ids[g.Item1], ids[g.Item2].Id, g.Item3)).ToList()));
    }

    /// <summary>Writes the text, validates it in-process and checks the exit; an accepted file must also score.</summary>
    private Task Property(Gen<string> texts) =>
        texts.SampleAsync(async text =>
        {
            var path = workspace.Write($"f{Interlocked.Increment(ref files)}.yaml", text);
            // A hang guard, not a speed assertion: every input here is read in milliseconds.
            var result = await workspace.RunAsync("frameworks", "validate", path).WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(result.Code is 0 or 2, $"exit {result.Code}: {result.Error}");
            Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
            if (result.Code == 2)
            {
                Assert.Contains(path, result.Error, StringComparison.Ordinal);
            }
            else
            {
                var framework = FrameworkLoader.LoadFile(path);
                var sheet = ScoringEngine.Score(framework, Tests.Scoring.ScoringInputs.Site().Build());
                Assert.Equal(sheet.Total, GovEval.Store.ScoreSheetJson.Read(GovEval.Store.ScoreSheetJson.Write(sheet)).Total);
            }

            File.Delete(path);
        }, writeLine: output.WriteLine, time: Seconds, threads: 1, print: Show);

    private static string Mutate(string text, (int Kind, int At, int Length, int Snippet)[] edits)
    {
        var s = new StringBuilder(text);
        foreach (var (kind, at, length, snippet) in edits)
        {
            var position = at % (s.Length + 1);
            switch (kind)
            {
                case 0:
                    s.Insert(position, Snippets[snippet]);
                    break;
                case 1:
                    s.Remove(position, Math.Min(length, s.Length - position));
                    break;
                case 2:
                    // Duplicate the line holding the position (a repeated key or list item).
                    var all = s.ToString();
                    var start = all.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
                    var end = all.IndexOf('\n', position);
                    s.Insert(start, all[start..(end < 0 ? all.Length : end + 1)] + (end < 0 ? "\n" : ""));
                    break;
                case 3:
                    s.Insert(position, char.ConvertFromUtf32(0x4E00 + (length * 331 % 0x5000)));
                    break;
                default:
                    // Indent or dedent: YAML's structure is in the spaces.
                    s.Insert(position, new string(' ', length % 5));
                    break;
            }
        }

        return s.ToString();
    }

    private static string Laughs(int levels, int width)
    {
        var text = new StringBuilder("a0: &a0 [lol]\n");
        for (var level = 1; level <= levels; level++)
        {
            text.Append($"a{level}: &a{level} [").AppendJoin(", ", Enumerable.Repeat($"*a{level - 1}", width)).Append("]\n");
        }

        return text.ToString();
    }

    /// <summary>A valid framework of nested groups over one expert leaf: deep ones are refused, the rest score and store.</summary>
    private static string Chain(int depth)
    {
        var text = new StringBuilder("id: chain\nversion: \"1\"\nname: 链\nmax: 10\nverdict-needs:\n  - { name: 已录入, indicators: [leaf] }\nindicators:\n");
        var indent = "  ";
        for (var level = 1; level < depth; level++)
        {
            text.Append($"{indent}- id: g{level}\n{indent}  name: 组{level}\n{indent}  children:\n");
            indent += "  ";
        }

        return text.Append($"{indent}- {{ id: leaf, name: 叶, rule: expert, points: 10, min: 0, max: 10 }}\n").ToString();
    }

    /// <summary>Inserts <c>gate: {…}</c> under each chosen indicator, where its own fields are.</summary>
    private static string WithGates(string text, IReadOnlyList<(Indicator On, string Target, int Above)> gates)
    {
        var lines = text.Split('\n').ToList();
        foreach (var (on, target, above) in gates.OrderByDescending(g => g.On.Line).DistinctBy(g => g.On.Line))
        {
            lines.Insert(on.Line, $"{new string(' ', on.Column - 1)}gate: {{ indicator: {target}, above: {above} }}");
        }

        return string.Join('\n', lines);
    }

    private static string Show(string text) => text.Length <= 400 ? text : text[..400] + $"… ({text.Length} characters)";
}
