using System.Text.Json;
using GovEval.Store;

namespace GovEval.Tests.Cli;

/// <summary>A whole round through the command line: run → inputs → score → publish, and what each refuses.</summary>
public sealed class AssessmentRoundCliTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_capability_round_grades_from_inputs_and_publishes_statistics_and_score_sheets()
    {
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "2020能力", "--framework", "digital-gov-capability-2020",
            "--cohort", "provincial", "--cohort", "key-city", "--now", "2020-11-30")).Out.Trim();
        var inputs = workspace.Write("inputs.csv", string.Join('\n',
        [
            "unit,indicator,value,evidence,assessor",
            "北京市,integration.websites,已完成,http://www.beijing.gov.cn/,张三",
            "北京市,integration.newmedia,统一建设管理运维,,张三",
            "北京市,integration.search,是,,张三",
            "北京市,integration.platform,全面对接,,张三",
            "北京市,provision.website,13,,李四",
            "北京市,provision.services,优,,李四",
            "北京市,provision.public-services,优,,李四",
            "北京市,provision.app,优秀,,李四",
            "北京市,provision.wechat,优秀,,李四",
            "北京市,provision.weibo,良好,,李四",
            "北京市,data.agency,是,http://www.beijing.gov.cn/zhengce/,王五",
            "北京市,data.plan,是,,王五",
            "北京市,data.portal,优,,王五",
            "北京市,data.use,良,,王五",
            "北京市,satisfaction.survey,96,,调查组",
            "北京市,satisfaction.rating,按月公开,,调查组",
            // What a verdict needs: a value in each base dimension (a blank leaf in between earns nothing).
            "上海市,integration.search,是,,张三",
            "上海市,provision.app,良好,,李四",
            "上海市,data.agency,是,,王五",
            "上海市,satisfaction.rating,已建立,,调查组",
            "杭州市,integration.search,否,,张三",
            "杭州市,provision.app,无,,李四",
            "杭州市,data.agency,否,,王五",
            "杭州市,satisfaction.rating,未建立,,调查组",
            "",
        ]));
        await workspace.RunOkAsync("inputs", "import", "--run", run, inputs);

        var scored = await workspace.RunOkAsync("score", "--run", run);
        Assert.Contains("scored 64 units", scored.Out);

        var outDir = Path.Combine(workspace.Folder, "release");
        await workspace.RunOkAsync("publish", "--run", run, "--out", outDir);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        var provincial = json.RootElement.GetProperty("cohorts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "provincial");
        var beijing = provincial.GetProperty("units").EnumerateArray().First();
        Assert.Equal("北京市", beijing.GetProperty("short").GetString());
        Assert.Equal("优秀", beijing.GetProperty("grade").GetString());
        Assert.Equal(JsonValueKind.Null, beijing.GetProperty("rank").ValueKind);
        Assert.Equal(95.7m, beijing.GetProperty("total").GetDecimal());

        var index = File.ReadAllText(Path.Combine(outDir, "index.html"));
        Assert.Contains("省级数字政府服务能力优秀级", index);
        Assert.Contains("2个省级（占比100.0%）和0个重点城市（占比0.0%）明确了政务数据统筹管理机构", index);
        Assert.Contains("明确了政务数据统筹管理机构", index);

        var sheet = File.ReadAllText(Path.Combine(outDir, "units", "110000.html"));
        Assert.Contains("inputs.csv:12", sheet);
        Assert.Contains("王五", sheet);
    }

    [Fact]
    public async Task A_sampled_round_assesses_only_the_listed_units_and_a_bad_sample_line_stores_nothing()
    {
        var bad = workspace.Write("bad-sample.txt", "# 抽查名单\n440300\n朝阳区\n北京市\nno-such-unit\n");
        var refused = await workspace.RunAsync("runs", "create", "--name", "spot", "--framework", "gov-website-check-2019", "--cohort", "sub-provincial-city", "--units", bad);
        Assert.Equal(2, refused.Code);
        Assert.Contains($"{bad}:3", refused.Error);
        Assert.Contains($"{bad}:4", refused.Error);
        Assert.Contains("not a member", refused.Error);
        Assert.Contains($"{bad}:5", refused.Error);
        Assert.DoesNotContain("spot", (await workspace.RunOkAsync("runs", "list")).Out);

        var sample = workspace.Write("sample.txt", "unit\n深圳市\n440300\n大连市,备注\n");
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "spot", "--framework", "gov-website-check-2019", "--cohort", "sub-provincial-city", "--units", sample)).Out.Trim();
        var scored = await workspace.RunOkAsync("score", "--run", run);
        Assert.Contains("scored 2 units", scored.Out);
        Assert.Contains("0 of 2 assessed", scored.Out);
        using var listed = JsonDocument.Parse((await workspace.RunOkAsync("runs", "list", "--format", "json")).Out);
        Assert.Equal(["210200", "440300"], listed.RootElement[0].GetProperty("units").EnumerateArray().Select(u => u.GetString()!).ToArray());
    }

    [Fact]
    public async Task Changing_a_weight_and_scoring_again_re_ranks_without_new_inputs()
    {
        var framework = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "frameworks", "two-indicators.yaml"));
        var path = workspace.Write("two.yaml", framework);
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "w", "--framework", path, "--cohort", "municipality")).Out.Trim();
        await workspace.RunOkAsync("inputs", "import", "--run", run, workspace.Write("in.csv", "unit,indicator,value\n北京市,a,10\n北京市,b,0\n上海市,a,0\n上海市,b,10\n天津市,a,5\n天津市,b,5\n"));
        await workspace.RunOkAsync("score", "--run", run);
        Assert.Equal(["北京市", "天津市", "上海市"], await RankedAsync(run));

        File.WriteAllText(path, framework.Replace("points: 10 # a", "points: 5 # a").Replace("max: 10 # a", "max: 5 # a").Replace("points: 10 # b", "points: 15 # b").Replace("max: 10 # b", "max: 15 # b"));
        await workspace.RunOkAsync("inputs", "import", "--run", run, workspace.Write("in2.csv", "unit,indicator,value\n北京市,a,5\n上海市,a,0\n天津市,a,2.5\n"));
        await workspace.RunOkAsync("score", "--run", run);
        Assert.Equal(["上海市", "天津市", "北京市"], await RankedAsync(run));
    }

    [Fact]
    public async Task Publish_from_a_totals_table_reproduces_the_seed_top_ten_of_ministries()
    {
        var totals = Path.Combine(AppContext.BaseDirectory, "fixtures", "seed-2020", "website-2020-totals.csv");
        var outDir = Path.Combine(workspace.Folder, "seed");
        await workspace.RunOkAsync("publish", "--scores", totals, "--framework", "gov-website-performance-2020", "--year", "2020",
            "--cohort", "ministry-constituent", "--out", outDir, "--format", "json,html");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        var units = json.RootElement.GetProperty("cohorts")[0].GetProperty("units").EnumerateArray()
            .Where(u => u.GetProperty("rank").ValueKind == JsonValueKind.Number && u.GetProperty("rank").GetInt32() <= 10)
            .Select(u => $"{u.GetProperty("rank").GetInt32()} {u.GetProperty("short").GetString()}");
        Assert.Equal(
            ["1 商务部", "2 交通运输部", "3 工业和信息化部", "4 科技部", "4 水利部", "5 卫生健康委", "6 农业农村部", "7 发展改革委", "8 自然资源部", "9 文化和旅游部", "10 教育部", "10 生态环境部"],
            units);
        Assert.False(File.Exists(Path.Combine(outDir, "results.xlsx")));
        Assert.Contains("第四名", File.ReadAllText(Path.Combine(outDir, "index.html")));
    }

    [Fact]
    public async Task A_broken_framework_file_exits_2_with_file_line_and_column_and_stores_no_run()
    {
        var path = workspace.Write("broken.yaml", "id: broken\nversion: \"1\"\nname: 坏\nmax: 10\nindicators:\n  - id: a\n    name: 甲\n    rule: deduct\n    points: ten\n    deduct:\n      - { finding: links.broken, each: 1 }\n");
        await workspace.RunOkAsync("runs", "create", "--name", "first", "--framework", "gov-website-check-2019", "--cohort", "municipality");

        var result = await workspace.RunAsync("runs", "create", "--name", "second", "--framework", path, "--cohort", "municipality");

        Assert.Equal(2, result.Code);
        Assert.Contains("broken.yaml:9:13: field 'points'", result.Error);
        var list = await workspace.RunOkAsync("runs", "list", "--format", "json");
        Assert.Equal(["first"], JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Publishing_a_run_that_was_never_scored_is_refused_plainly()
    {
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "x", "--framework", "gov-website-check-2019", "--cohort", "municipality")).Out.Trim();
        var result = await workspace.RunAsync("publish", "--run", run, "--out", Path.Combine(workspace.Folder, "out"));
        Assert.Equal(2, result.Code);
        Assert.Contains($"goveval score --run {run}", result.Error);
        Assert.False(Directory.Exists(Path.Combine(workspace.Folder, "out")));
    }

    [Fact]
    public async Task Units_without_collection_are_not_measured_rather_than_clean()
    {
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "x", "--framework", "gov-website-check-2019", "--cohort", "municipality")).Out.Trim();
        await workspace.RunOkAsync("score", "--run", run);

        await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(workspace.Db));
        var sheets = await store.ScoreSheetsAsync(run);
        Assert.Equal(4, sheets.Count);
        Assert.All(sheets, s => Assert.Equal(Core.Scoring.NodeStatus.NotMeasured, s.Node("part2")!.Status));
    }

    private async Task<IReadOnlyList<string>> RankedAsync(string run)
    {
        await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(workspace.Db));
        var results = await store.ResultsAsync(run);
        var registry = Core.Registry.UnitRegistry.ForYear(2020);
        return results.Where(r => r.Rank is not null).OrderBy(r => r.Position).Select(r => registry.Find(r.UnitCode)!.Short).ToList();
    }
}
