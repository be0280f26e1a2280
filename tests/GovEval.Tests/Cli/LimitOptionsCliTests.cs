using GovEval.Cli.Collection;
using GovEval.Core.Errors;

namespace GovEval.Tests.Cli;

/// <summary>The resource limits of check and collect: bad values are refused naming the argument, before any request.</summary>
public sealed class LimitOptionsCliTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("--site-budget", "abc", "is not a duration")]
    [InlineData("--site-budget", "0s", "at least 1 second")]
    [InlineData("--site-budget", "30d", "is not a duration")]
    [InlineData("--max-links-per-page", "0", "at least 1")]
    [InlineData("--page-parse-timeout", "-1", "more than 0")]
    public async Task Check_refuses_a_bad_limit_naming_it(string option, string value, string message)
    {
        var output = Path.Combine(workspace.Folder, "out");
        var result = await workspace.RunAsync("check", "http://www.example.gov.cn/", option, value, "--out", output);

        Assert.Equal(2, result.Code);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "nothing is written before the arguments are checked");
    }

    [Fact]
    public async Task Collect_refuses_a_bad_site_budget_before_opening_the_store()
    {
        var result = await workspace.RunAsync("collect", "--run", "1", "--site-budget", "-5m");

        Assert.Equal(2, result.Code);
        Assert.Contains("--site-budget", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.Db));
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("45", 2700)]
    [InlineData(" 1.5H ", 5400)]
    public void Durations_read_as_written(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), LimitOptions.ParseDuration(text, "--site-budget"));

    [Fact]
    public void A_duration_without_a_number_names_the_option() =>
        Assert.Contains("--site-budget", Assert.Throws<InputException>(() => LimitOptions.ParseDuration("m", "--site-budget")).Message, StringComparison.Ordinal);
}
