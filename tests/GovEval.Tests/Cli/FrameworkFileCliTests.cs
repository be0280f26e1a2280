using GovEval.Tests.Frameworks;

namespace GovEval.Tests.Cli;

/// <summary>
/// Issue 19, rows 2, 6 and 7 at the command line: every verb that takes a framework file (validate, show,
/// runs create, check, score, publish --scores) refuses a hostile or cyclic one with exit 2 and file:line:column,
/// and the loader's limits are options.
/// </summary>
public sealed class FrameworkFileCliTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Validate_refuses_aliases_a_billion_laughs_and_deep_nesting_with_exit_2()
    {
        var alias = workspace.Write("alias.yaml", "x: &r [*r]\n");
        var laughs = workspace.Write("laughs.yaml", HostileYamlTests.BillionLaughs());
        var deep = workspace.Write("deep.yaml", "x: " + new string('[', 50_000) + new string(']', 50_000) + "\n");

        var result = await workspace.RunAsync("frameworks", "validate", alias, laughs, deep);

        Assert.Equal(2, result.Code);
        Assert.Contains($"{alias}:1:4: aliases are not supported", result.Error);
        Assert.Contains($"{laughs}:2:5: aliases are not supported", result.Error);
        Assert.Contains($"{deep}:1:67: nested too deep", result.Error);
    }

    [Fact]
    public async Task The_depth_limit_is_a_global_option_with_a_ceiling()
    {
        var shipped = workspace.Write("check.yaml", HostileYamlTests.Shipped("gov-website-check-2019"));

        var lowered = await workspace.RunAsync("frameworks", "validate", shipped, "--framework-max-depth", "4");
        Assert.Equal(2, lowered.Code);
        Assert.Contains("nested too deep: more than 4 levels", lowered.Error);

        var refusedRun = await workspace.RunAsync("runs", "create", "--name", "x", "--framework", shipped, "--cohort", "municipality", "--framework-max-depth", "4");
        Assert.Equal(2, refusedRun.Code);
        Assert.Contains("nested too deep", refusedRun.Error);

        Assert.Equal(0, (await workspace.RunAsync("frameworks", "validate", shipped, "--framework-max-depth", "1000")).Code);
        var beyond = await workspace.RunAsync("frameworks", "validate", shipped, "--framework-max-depth", "1001");
        Assert.Equal(2, beyond.Code);
        Assert.Contains("--framework-max-depth: must be between 1 and 1000", beyond.Error);
    }

    [Fact]
    public async Task Every_verb_that_reads_a_framework_file_refuses_an_alias_with_exit_2()
    {
        var alias = workspace.Write("alias.yaml", "x: &r [*r]\n");
        var expected = $"{alias}:1:4: aliases are not supported";

        var show = await workspace.RunAsync("frameworks", "show", alias);
        var create = await workspace.RunAsync("runs", "create", "--name", "x", "--framework", alias, "--cohort", "municipality");
        var check = await workspace.RunAsync("check", "http://www.example.gov.cn/", "--framework", alias,
            "--connect-to", "::127.0.0.1:9", "--out", Path.Combine(workspace.Folder, "check"));
        var totals = workspace.Write("totals.csv", "unit,total\n北京市,90\n");
        var publish = await workspace.RunAsync("publish", "--scores", totals, "--framework", alias, "--year", "2020",
            "--cohort", "municipality", "--out", Path.Combine(workspace.Folder, "release"));

        foreach (var (verb, result) in new[] { ("show", show), ("runs create", create), ("check", check), ("publish --scores", publish) })
        {
            Assert.True(result.Code == 2, $"{verb} exited {result.Code}: {result.Error}");
            Assert.Contains(expected, result.Error);
        }

        Assert.False(Directory.Exists(Path.Combine(workspace.Folder, "release")));
        Assert.False(File.Exists(Path.Combine(workspace.Folder, "check", "report.json")));
    }

    [Fact]
    public async Task Score_reads_the_run_s_framework_file_again_and_refuses_it_once_it_holds_an_alias()
    {
        var path = workspace.Write("mine.yaml", HostileYamlTests.Shipped("gov-website-check-2019").Replace("id: gov-website-check-2019", "id: mine", StringComparison.Ordinal));
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "mine", "--framework", path, "--cohort", "municipality")).Out.Trim();
        File.WriteAllText(path, "x: &r [*r]\n");

        var scored = await workspace.RunAsync("score", "--run", run);

        Assert.Equal(2, scored.Code);
        Assert.Contains($"{path}:1:4: aliases are not supported", scored.Error);
    }

    [Fact]
    public async Task A_framework_whose_parts_gate_each_other_is_refused_by_validate_and_by_check_before_crawling()
    {
        // Part 2 gated on Part 3 while Part 3 is gated on Part 2: validate said ok, and check overflowed the stack
        // after the whole crawl.
        var text = HostileYamlTests.Shipped("gov-website-check-2019")
            .Replace("  - id: part2\n    name: 扣分指标\n    points: 100\n", "  - id: part2\n    name: 扣分指标\n    points: 100\n    gate: { indicator: part3, above: 0 }\n", StringComparison.Ordinal);
        var path = workspace.Write("cycle.yaml", text);
        var lines = text.Split('\n').ToList();
        var (part2, part3) = (lines.IndexOf("  - id: part2") + 1, lines.IndexOf("  - id: part3") + 1);

        var validated = await workspace.RunAsync("frameworks", "validate", path);
        Assert.Equal(2, validated.Code);
        Assert.Contains("gates form a cycle", validated.Error);
        Assert.Contains($"'part2' ({path}:{part2}:5) is gated on 'part3', 'part3' ({path}:{part3}:5) is gated on 'part2'", validated.Error);
        Assert.StartsWith($"{path}:{part2 + 3}:", validated.Error);

        var check = await workspace.RunAsync("check", "http://www.example.gov.cn/", "--framework", path,
            "--connect-to", "::127.0.0.1:9", "--out", Path.Combine(workspace.Folder, "check"));
        Assert.Equal(2, check.Code);
        Assert.Contains("gates form a cycle", check.Error);
        Assert.False(Directory.Exists(Path.Combine(workspace.Folder, "check", "warc")));
    }

    [Fact]
    public async Task A_framework_as_deep_as_the_limit_allows_is_scored_stored_and_published()
    {
        // 30 nested groups over one leaf: within the 64 levels, yet its score sheet (nested as deep) was more than
        // the store's JSON accepted, and score failed with an internal error.
        var text = new System.Text.StringBuilder("id: deep\nversion: \"1\"\nname: 深\nmax: 10\nverdict-needs:\n  - { name: 已录入, indicators: [leaf] }\nindicators:\n");
        var indent = "  ";
        for (var level = 1; level < 30; level++)
        {
            text.Append($"{indent}- id: g{level}\n{indent}  name: 组{level}\n{indent}  children:\n");
            indent += "  ";
        }

        text.Append($"{indent}- {{ id: leaf, name: 叶, rule: expert, points: 10, min: 0, max: 10 }}\n");
        var path = workspace.Write("deep.yaml", text.ToString());
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "deep", "--framework", path, "--cohort", "municipality")).Out.Trim();
        await workspace.RunOkAsync("inputs", "import", "--run", run, workspace.Write("in.csv", "unit,indicator,value\n北京市,leaf,5\n"));

        var scored = await workspace.RunOkAsync("score", "--run", run);

        Assert.Contains("1 of 4 assessed; first: 北京市 (5)", scored.Out);
        var release = Path.Combine(workspace.Folder, "release");
        await workspace.RunOkAsync("publish", "--run", run, "--out", release, "--format", "html");
        Assert.Contains("组29", File.ReadAllText(Path.Combine(release, "units", "110000.html")));
    }

    [Fact]
    public async Task Show_prints_what_a_verdict_needs()
    {
        var shown = await workspace.RunOkAsync("frameworks", "show", "gov-website-check-2019");
        Assert.Contains("评定条件", shown.Out);
        Assert.Contains("首页已读取：freshness.homepage 所有适用的叶指标均已测量或录入", shown.Out);
        Assert.Contains("单项否决指标均已测量：part1 所有适用的叶指标均已测量或录入", shown.Out);

        var capability = await workspace.RunOkAsync("frameworks", "show", "digital-gov-capability-2020");
        Assert.Contains("四个基础维度均有录入值：integration, provision, data, satisfaction 各至少有一项已测量或录入", capability.Out);
    }

    [Fact]
    public async Task A_framework_without_verdict_needs_is_refused_with_a_hint()
    {
        var text = HostileYamlTests.Shipped("gov-website-performance-2020");
        var start = text.IndexOf("# What a verdict needs", StringComparison.Ordinal);
        var end = text.IndexOf("\nindicators:", start, StringComparison.Ordinal) + 1;
        var path = workspace.Write("old.yaml", text[..start] + text[end..]);

        var result = await workspace.RunAsync("frameworks", "validate", path);

        Assert.Equal(2, result.Code);
        Assert.Contains("the file lacks the required 'verdict-needs'", result.Error);
        Assert.Contains("docs/frameworks.md", result.Error);
    }
}
