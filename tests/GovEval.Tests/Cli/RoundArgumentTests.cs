namespace GovEval.Tests.Cli;

/// <summary>Bad arguments of the round verbs (collect, publish of several runs, demo) exit 2 naming the argument and leave nothing behind.</summary>
public sealed class RoundArgumentTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private async Task<string> RunWithInputsAsync(string name)
    {
        var run = (await workspace.RunOkAsync("runs", "create", "--name", name, "--framework", "digital-gov-capability-2020", "--cohort", "provincial")).Out.Trim();
        await workspace.RunOkAsync("score", "--run", run);
        return run;
    }

    [Theory]
    [InlineData("--max-pages", "0")]
    [InlineData("--concurrency", "0")]
    public async Task Collect_refuses_a_non_positive_limit(string option, string value)
    {
        var run = await RunWithInputsAsync("r");
        var result = await workspace.RunAsync("collect", "--run", run, option, value);
        Assert.Equal(2, result.Code);
        Assert.Contains(option, result.Error);
    }

    [Fact]
    public async Task Collect_names_an_unknown_run()
    {
        await RunWithInputsAsync("r");
        var result = await workspace.RunAsync("collect", "--run", "nosuchrun");
        Assert.Equal(2, result.Code);
        Assert.Contains("--run", result.Error);
    }

    [Fact]
    public async Task Publishing_several_runs_needs_each_comparison_as_run_equals_earlier()
    {
        var a = await RunWithInputsAsync("a");
        var b = await RunWithInputsAsync("b");
        var outDir = Path.Combine(workspace.Folder, "release");
        var result = await workspace.RunAsync("publish", "--run", a, "--run", b, "--compare", b, "--out", outDir);
        Assert.Equal(2, result.Code);
        Assert.Contains("RUN=EARLIER", result.Error);
        Assert.False(Directory.Exists(outDir));

        var unknown = await workspace.RunAsync("publish", "--run", a, "--run", b, "--compare", $"zzz={b}", "--out", outDir);
        Assert.Equal(2, unknown.Code);
        Assert.Contains("'zzz' is not one of the runs", unknown.Error);

        await workspace.RunOkAsync("publish", "--run", a, "--run", b, "--out", outDir, "--title", "两轮");
        Assert.True(File.Exists(Path.Combine(outDir, "index.html")));
        Assert.True(File.Exists(Path.Combine(outDir, $"digital-gov-capability-2020-{a}", "index.html")));
        Assert.True(File.Exists(Path.Combine(outDir, $"digital-gov-capability-2020-{b}", "index.html")));
        Assert.Contains("两轮", File.ReadAllText(Path.Combine(outDir, "index.html")));
    }

    [Theory]
    [InlineData("--sites", "0")]
    [InlineData("--max-pages", "0")]
    public async Task The_demo_refuses_a_non_positive_size(string option, string value)
    {
        var outDir = Path.Combine(workspace.Folder, "demo");
        var result = await workspace.RunAsync("demo", "--out", outDir, option, value);
        Assert.Equal(2, result.Code);
        Assert.Contains(option, result.Error);
        Assert.False(Directory.Exists(outDir));
    }
}
