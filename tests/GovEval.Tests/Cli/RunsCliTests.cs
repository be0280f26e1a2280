using System.Text.Json;

namespace GovEval.Tests.Cli;

public sealed class RunsCliTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task Create_prints_the_id_and_list_shows_the_run()
    {
        var created = await workspace.RunOkAsync(
            "runs", "create", "--name", "2020 网站绩效", "--framework", "gov-website-performance-2020",
            "--cohort", "province", "--cohort", "municipality", "--year", "2020", "--now", "2020-12-31");

        var id = created.Out.Trim();
        Assert.Matches("^[0-9a-f]{8}$", id);
        Assert.Contains("(27 + 4 units)", created.Error);
        var list = await workspace.RunOkAsync("runs", "list", "--format", "json");
        var run = Assert.Single(JsonDocument.Parse(list.Out).RootElement.EnumerateArray());
        Assert.Equal(id, run.GetProperty("id").GetString());
        Assert.Equal("2020 网站绩效", run.GetProperty("name").GetString());
        Assert.Equal("gov-website-performance-2020", run.GetProperty("framework").GetProperty("id").GetString());
        Assert.Equal("2020.1.0", run.GetProperty("framework").GetProperty("version").GetString());
        Assert.Equal(["province", "municipality"], run.GetProperty("cohorts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("2020-12-31T00:00:00+08:00", run.GetProperty("now").GetString());
        var table = await workspace.RunOkAsync("runs", "list");
        Assert.StartsWith($"{id}\t2020 网站绩效\tgov-website-performance-2020@2020.1.0\t2020\tprovince,municipality\t2020-12-31T00:00:00+08:00", table.Out);
    }

    [Fact]
    public async Task The_clock_keeps_the_offset_it_was_given_in()
    {
        await workspace.RunOkAsync("runs", "create", "--name", "a", "--framework", "gov-website-check-2019", "--cohort", "county", "--now", "2021-03-01T23:30:00Z");

        var list = await workspace.RunOkAsync("runs", "list", "--format", "json");

        Assert.Equal("2021-03-01T23:30:00+00:00", JsonDocument.Parse(list.Out).RootElement[0].GetProperty("now").GetString());
    }

    [Theory]
    [InlineData("--cohort", "nowhere", "--cohort: unknown cohort 'nowhere'")]
    [InlineData("--framework", "gov-website-check-2018", "--framework: unknown framework 'gov-website-check-2018'")]
    [InlineData("--now", "31/12/2020", "--now: '31/12/2020' is not an ISO 8601 date")]
    public async Task Bad_arguments_exit_2_naming_the_argument_and_store_no_run(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--name"] = "r",
            ["--framework"] = "gov-website-check-2019",
            ["--cohort"] = "province",
            ["--now"] = "2020-12-31",
        };
        args[option] = value;

        var result = await workspace.RunAsync(["runs", "create", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, result.Code);
        Assert.Contains(message, result.Error);
        var list = await workspace.RunOkAsync("runs", "list", "--format", "json");
        Assert.Empty(JsonDocument.Parse(list.Out).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task A_missing_required_option_is_bad_input()
    {
        var result = await workspace.RunAsync("runs", "create", "--name", "r", "--framework", "gov-website-check-2019");

        Assert.Equal(2, result.Code);
        Assert.Contains("--cohort", result.Error);
    }

    [Fact]
    public async Task A_local_framework_file_is_kept_by_its_path_with_its_version()
    {
        string path;
        using (var embedded = Core.EmbeddedData.Open("frameworks", "gov-website-check-2019.yaml"))
        {
            path = workspace.Write("local.yaml", embedded.ReadToEnd());
        }

        var id = (await workspace.RunOkAsync("runs", "create", "--name", "local", "--framework", path, "--cohort", "county", "--now", "2020-12-31")).Out.Trim();

        var list = await workspace.RunOkAsync("runs", "list", "--format", "json");
        var framework = JsonDocument.Parse(list.Out).RootElement[0].GetProperty("framework");
        Assert.Equal(Path.Combine(workspace.Folder, "local.yaml"), framework.GetProperty("id").GetString());
        Assert.Equal("2019.1.0", framework.GetProperty("version").GetString());
        Assert.Matches("^[0-9a-f]{8}$", id);
    }

    [Fact]
    public async Task Runs_are_listed_oldest_first()
    {
        var first = (await workspace.RunOkAsync("runs", "create", "--name", "first", "--framework", "digital-gov-capability-2020", "--cohort", "provincial", "--now", "2020-06-01")).Out.Trim();
        var second = (await workspace.RunOkAsync("runs", "create", "--name", "second", "--framework", "digital-gov-capability-2020", "--cohort", "key-city", "--now", "2020-06-01")).Out.Trim();

        var list = await workspace.RunOkAsync("runs", "list");

        Assert.Equal([first, second], list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0]));
    }
}
