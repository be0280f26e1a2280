using System.Text;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;

namespace GovEval.Tests.Frameworks;

/// <summary>
/// Issue 19, rows 2 and 6: framework files built to hurt the loader (aliases, a billion laughs, deep nesting,
/// a huge file) are refused with file:line:column before anything is expanded or walked recursively.
/// </summary>
public sealed class HostileYamlTests
{
    [Fact]
    public void A_self_referencing_alias_on_one_line_is_refused_where_the_anchor_stands()
    {
        // The node model of the YAML library expanded this forever and overflowed the stack (exit 134).
        var error = Assert.Throws<InputException>(() => Load("x: &r [*r]\n"));
        Assert.StartsWith("bad.yaml:1:4: aliases are not supported", error.Message);
    }

    [Fact]
    public void A_billion_laughs_file_of_9_KB_is_refused_without_expanding_anything()
    {
        var text = BillionLaughs();
        Assert.InRange(text.Length, 8_000, 10_000);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InputException>(() => Load(text));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.StartsWith("bad.yaml:2:5: aliases are not supported", error.Message);
        // Six levels of expansion took 1.5 GB before; reading 9 KB of text needs a few megabytes at most.
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void An_alias_inside_an_otherwise_valid_framework_is_refused_too()
    {
        var text = Shipped("gov-website-check-2019")
            .Replace("name: 政府网站检查指标（2019年版）", "name: &title 政府网站检查指标（2019年版）", StringComparison.Ordinal)
            .Replace("  title: 政府网站检查结果", "  title: *title", StringComparison.Ordinal);
        var error = Assert.Throws<InputException>(() => Load(text));
        Assert.Matches(@"^bad\.yaml:13:7: aliases are not supported", error.Message);
    }

    [Fact]
    public void A_merge_key_is_an_alias_and_is_refused()
    {
        var error = Assert.Throws<InputException>(() => Load("base: &b { id: a }\nother:\n  <<: *b\n"));
        Assert.StartsWith("bad.yaml:1:7: aliases are not supported", error.Message);
    }

    [Fact]
    public void Brackets_nested_50000_deep_are_refused_at_the_depth_limit_not_with_a_stack_overflow()
    {
        var text = "x: " + new string('[', 50_000) + new string(']', 50_000) + "\n";
        var error = Assert.Throws<InputException>(() => Load(text));

        // The top mapping is level 1 and the first bracket (column 4) level 2: the 64th bracket opens level 65.
        Assert.StartsWith("bad.yaml:1:67: nested too deep: more than 64 levels", error.Message);
        Assert.Contains("--framework-max-depth", error.Message);
    }

    [Fact]
    public void Block_mappings_nested_deeper_than_the_limit_are_refused_with_their_line()
    {
        var text = new StringBuilder();
        for (var level = 0; level < 70; level++)
        {
            text.Append(' ', level * 2).Append("k:\n");
        }

        var error = Assert.Throws<InputException>(() => Load(text.ToString()));
        Assert.StartsWith("bad.yaml:65:", error.Message);
        Assert.Contains("nested too deep", error.Message);
    }

    [Fact]
    public void The_depth_limit_is_an_option_up_to_its_ceiling()
    {
        var deep = "x: " + new string('[', 900) + new string(']', 900) + "\n";

        // Raised, the nesting is read (and then refused for what it is: not a framework), without a crash.
        var error = Assert.Throws<InputException>(() => Load(deep, new FrameworkLimits { MaxDepth = FrameworkLimits.DepthCeiling }));
        Assert.DoesNotContain("nested too deep", error.Message);
        Assert.Contains(error.Problems, p => p.Message.Contains("unknown field 'x'", StringComparison.Ordinal));

        // Lowered, even a shipped framework is too deep.
        var shallow = Assert.Throws<InputException>(() => Load(Shipped("gov-website-check-2019"), new FrameworkLimits { MaxDepth = 3 }));
        Assert.Contains("nested too deep: more than 3 levels", shallow.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_while_it_is_read()
    {
        var huge = "id: x\nname: " + new string('长', 2_000_000) + "\n";
        var error = Assert.Throws<InputException>(() => Load(huge));
        Assert.StartsWith("bad.yaml: the file is larger than 1048576 characters", error.Message);
        Assert.Contains("--framework-max-size", error.Message);

        var small = Assert.Throws<InputException>(() => Load(Shipped("gov-website-check-2019"), new FrameworkLimits { MaxCharacters = 1000 }));
        Assert.Contains("larger than 1000 characters", small.Message);
    }

    [Fact]
    public void Tags_and_second_documents_are_refused_with_their_position()
    {
        Assert.StartsWith("bad.yaml:1:5: tags are not supported", Assert.Throws<InputException>(() => Load("id: !!binary aGVsbG8=\n")).Message);
        Assert.StartsWith("bad.yaml:2:1: expected one YAML document", Assert.Throws<InputException>(() => Load("id: a\n---\nid: b\n")).Message);
        Assert.StartsWith("bad.yaml: expected one YAML document, found 0", Assert.Throws<InputException>(() => Load("# nothing but a comment\n")).Message);
        Assert.StartsWith("bad.yaml:1:3: keys must be plain names", Assert.Throws<InputException>(() => Load("? [a, b]\n: c\n")).Message);
        Assert.StartsWith("bad.yaml:2:1: field 'id' appears twice", Assert.Throws<InputException>(() => Load("id: a\nid: b\n")).Message);
    }

    [Fact]
    public void Text_the_yaml_library_itself_fails_on_is_refused_as_invalid_yaml_with_a_position()
    {
        // Found by the fuzz tests: a flow mapping cut off in a multi-line plain scalar at the end of the file makes
        // the library throw InvalidOperationException, which the command line reported as an internal error.
        var error = Assert.Throws<InputException>(() => Load("        options: { 优秀: 5, 良      - id: provision.weibo\n        name: 政务微博"));
        Assert.Matches(@"^bad\.yaml:\d+:\d+: not valid YAML", error.Message);
    }

    [Fact]
    public void Numbers_too_large_for_the_engine_s_arithmetic_are_refused_with_their_field()
    {
        var text = Shipped("gov-website-performance-2020")
            .Replace("max: 100\n", "max: 7922816251426433759354395033\n", StringComparison.Ordinal)
            .Replace("        points: 5\n        measurement: homepage.itemsLast2Weeks", "        points: 7922816251426433759354395033\n        measurement: homepage.itemsLast2Weeks", StringComparison.Ordinal)
            .Replace("per: 0.01 }", "per: 0.0000000001 }", StringComparison.Ordinal);
        var error = Assert.Throws<InputException>(() => Load(text));
        Assert.Equal(3, error.Problems.Count);
        Assert.StartsWith("bad.yaml:12:6: field 'max': 7922816251426433759354395033 is out of range", error.Problems[0].Message);
        Assert.Contains("field 'points'", error.Problems[1].Message);
        Assert.Contains("field 'per': 0.0000000001 is out of range", error.Problems[2].Message);
    }

    [Fact]
    public void Shipped_frameworks_keep_their_positions_through_the_event_reader()
    {
        var framework = FrameworkCatalog.Get("gov-website-check-2019");
        var lines = Shipped("gov-website-check-2019").Split('\n');
        foreach (var indicator in framework.Indicators().Where(i => i.Id != "total"))
        {
            Assert.Equal($"id: {indicator.Id}", lines[indicator.Line - 1][(indicator.Column - 1)..].TrimEnd('\r'));
        }
    }

    /// <summary>Nine levels of nine aliases each (9⁹ "lol"s expanded), padded with comments to 9 KB.</summary>
    internal static string BillionLaughs()
    {
        var text = new StringBuilder("# billion laughs\n");
        text.Append("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var level = 1; level <= 9; level++)
        {
            text.Append($"a{level}: &a{level} [").AppendJoin(", ", Enumerable.Repeat($"*a{level - 1}", 9)).Append("]\n");
        }

        while (text.Length < 9000)
        {
            text.Append("# padding to reach nine kilobytes, as the probe's file did\n");
        }

        return text.ToString();
    }

    internal static string Shipped(string id) =>
        File.ReadAllText(Path.Combine(Cli.CliWorkspace.RepoRoot(), "frameworks", id + ".yaml"));

    private static Framework Load(string text, FrameworkLimits? limits = null) =>
        FrameworkLoader.Load(new StringReader(text), "bad.yaml", limits ?? FrameworkLimits.Default);
}
