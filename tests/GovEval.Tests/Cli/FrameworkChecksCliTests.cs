using GovEval.Core.Frameworks;

namespace GovEval.Tests.Cli;

/// <summary>
/// The checks block at the command line: validate refuses a bad one with exit 2 and its place, show lists every
/// parameter in Chinese, and the verbs that judge websites refuse a framework without one before doing anything.
/// </summary>
public sealed class FrameworkChecksCliTests : IDisposable
{
    private const string Province = "gov-website-check-province-quarterly-2026";
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Validate_refuses_an_unknown_key_a_wrong_type_and_a_value_out_of_range_naming_each_place()
    {
        var text = ShippedRules.Text(ShippedRules.NationalId)
            .Replace("  news-period-days: 14\n", "  news-period-days: 14\n  news-period-weeks: 2\n", StringComparison.Ordinal)
            .Replace("  slow-reply-days: 30\n", "  slow-reply-days: 一个月\n", StringComparison.Ordinal)
            .Replace("  veto-blank-columns: 5\n", "  veto-blank-columns: 0\n", StringComparison.Ordinal);
        var path = workspace.Write("bad.yaml", text);

        var result = await workspace.RunAsync("frameworks", "validate", path);

        Assert.Equal(2, result.Code);
        Assert.Contains($"{path}:{Line(text, "  news-period-weeks: 2")}:22: unknown field 'news-period-weeks'", result.Error);
        Assert.Contains($"{path}:{Line(text, "  slow-reply-days: 一个月")}:20: field 'slow-reply-days': Value is \"string\" but should be \"integer\"", result.Error);
        Assert.Contains($"{path}:{Line(text, "  veto-blank-columns: 0")}:23: field 'veto-blank-columns': 0 should be at least 1", result.Error);
    }

    [Theory]
    [InlineData(ShippedRules.NationalId)]
    [InlineData(Province)]
    public async Task Show_lists_every_parameter_with_its_value_and_meaning(string id)
    {
        var framework = FrameworkCatalog.Get(id);

        var shown = (await workspace.RunOkAsync("frameworks", "show", id)).Out;

        Assert.Contains("检查参数（网站检查规则中的数字", shown);
        foreach (var parameter in CheckParameterCatalogue.All)
        {
            Assert.Contains($"  {parameter.Key} = {parameter.Shown(framework.Checks!)}  {parameter.Meaning}  [{string.Join(", ", parameter.Rules)}]", shown);
        }
    }

    [Fact]
    public async Task Show_says_the_province_s_numbers_and_its_even_redistribution()
    {
        var shown = (await workspace.RunOkAsync("frameworks", "show", Province)).Out;
        Assert.Contains("  news-period-days = 10 天  动态、要闻类栏目的更新周期", shown);
        Assert.Contains("满分 125", shown);
        Assert.Matches(@"(?m)^part2  扣分指标  100分.*points of children that do not apply go to the others in equal shares", shown);

        var capability = (await workspace.RunOkAsync("frameworks", "show", "digital-gov-capability-2020")).Out;
        Assert.Contains("检查参数：无", capability);
    }

    [Fact]
    public async Task Check_collect_and_monitor_refuse_a_framework_without_a_checks_block_before_fetching()
    {
        var output = Path.Combine(workspace.Folder, "check");
        var check = await workspace.RunAsync("check", "http://www.example.gov.cn/", "--framework", "digital-gov-capability-2020",
            "--connect-to", "::127.0.0.1:9", "--out", output);
        Assert.Equal(2, check.Code);
        Assert.Contains("frameworks/digital-gov-capability-2020.yaml: framework 'digital-gov-capability-2020' has no 'checks' block, so it cannot judge a website", check.Error);
        Assert.False(Directory.Exists(output));

        var log = Path.Combine(workspace.Folder, "samples.jsonl");
        var monitor = await workspace.RunAsync("monitor", "http://www.example.gov.cn/", "--log", log, "--framework", "digital-gov-capability-2020", "--connect-to", "::127.0.0.1:9");
        Assert.Equal(2, monitor.Code);
        Assert.Contains("has no 'checks' block, so it states no monitoring window", monitor.Error);
        Assert.False(File.Exists(log));

        var run = (await workspace.RunOkAsync("runs", "create", "--name", "能力", "--framework", "digital-gov-capability-2020", "--cohort", "provincial")).Out.Trim();
        var collect = await workspace.RunAsync("collect", "--run", run);
        Assert.Equal(2, collect.Code);
        Assert.Contains("has no 'checks' block, so it cannot judge a website", collect.Error);

        var monitorRun = await workspace.RunAsync("monitor", "--run", run, "--framework", ShippedRules.NationalId);
        Assert.Equal(2, monitorRun.Code);
        Assert.Contains("--framework: a run is monitored with the window of its own framework", monitorRun.Error);
    }

    private static int Line(string text, string line) => Array.FindIndex(text.Split('\n'), l => l == line) + 1;
}
