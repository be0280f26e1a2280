using GovEval.Store;

namespace GovEval.Tests.Cli;

public sealed class InputsCliTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private async Task<string> CreateRunAsync(params string[] cohorts) =>
        (await workspace.RunOkAsync([
            "runs", "create", "--name", "expert round", "--framework", "digital-gov-capability-2020", "--now", "2020-12-31",
            .. cohorts.SelectMany(c => new[] { "--cohort", c }),
        ])).Out.Trim();

    private async Task<IReadOnlyList<Core.Observations.ExpertInput>> StoredAsync(string run)
    {
        await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(workspace.Db));
        return await store.InputsAsync(run);
    }

    [Fact]
    public async Task Csv_with_chinese_headers_resolves_codes_full_and_short_names()
    {
        var run = await CreateRunAsync("provincial", "key-city", "county");
        var file = workspace.Write("inputs.csv", """
            单位,指标,值,佐证,评估人
            北京市,data.agency,是,京政办发〔2020〕1号,张三
            深圳罗湖区,data.agency,否,,李四
            440300,satisfaction.survey,"92.5",https://www.sz.gov.cn/,
            """);

        var result = await workspace.RunOkAsync("inputs", "import", "--run", run, file);

        Assert.Contains("3 inputs for 3 units (3 added, 0 replaced)", result.Out);
        var stored = await StoredAsync(run);
        Assert.Equal(["110000", "440300", "440303"], stored.Select(i => i.UnitCode));
        var beijing = stored[0];
        Assert.Equal(("data.agency", "是", "京政办发〔2020〕1号", "张三"), (beijing.Indicator, beijing.Value, beijing.Evidence, beijing.Assessor));
        Assert.EndsWith("inputs.csv:2", beijing.Source);
        Assert.Null(stored[2].Evidence);
        Assert.Equal("92.5", stored[1].Value);
    }

    [Fact]
    public async Task A_gbk_csv_from_excel_on_a_chinese_windows_imports_detected_or_forced_and_a_wrong_encoding_names_row_and_offset()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gbk = System.Text.Encoding.GetEncoding(936);
        var run = await CreateRunAsync("provincial", "key-city", "county");
        var path = Path.Combine(workspace.Folder, "gbk.csv");
        File.WriteAllBytes(path, gbk.GetBytes("单位,指标,值,佐证,评估人\r\n北京市,data.agency,是,京政办发〔2020〕1号,张三\r\n深圳罗湖区,data.agency,否,,李四\r\n"));

        await workspace.RunOkAsync("inputs", "import", "--run", run, path);
        var detected = await StoredAsync(run);
        Assert.Equal(("110000", "是", "京政办发〔2020〕1号", "张三"), (detected[0].UnitCode, detected[0].Value, detected[0].Evidence, detected[0].Assessor));
        Assert.Equal("440303", detected[1].UnitCode);

        var forced = await workspace.RunOkAsync("inputs", "import", "--run", run, path, "--encoding", "gbk");
        Assert.Contains("2 replaced", forced.Out);

        var wrong = await workspace.RunAsync("inputs", "import", "--run", run, path, "--encoding", "utf-8");
        Assert.Equal(2, wrong.Code);
        Assert.Contains("gbk.csv:1", wrong.Error);
        Assert.Contains("byte offset", wrong.Error);
        Assert.Equal(detected.Select(i => (i.UnitCode, i.Value)), (await StoredAsync(run)).Select(i => (i.UnitCode, i.Value)));

        var unknown = await workspace.RunAsync("inputs", "import", "--run", run, path, "--encoding", "big5");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("--encoding", unknown.Error);
    }

    [Fact]
    public async Task Xlsx_is_imported_and_a_later_file_replaces_the_same_unit_and_indicator()
    {
        var run = await CreateRunAsync("municipality");
        var first = Path.Combine(workspace.Folder, "round1.xlsx");
        Xlsx.Write(first, "专家评分", [
            ["unit", "indicator", "value", "evidence", "assessor"],
            ["上海市", "innovation.cases", "3", "一网通办", "王五"],
            ["天津市", "innovation.cases", "1", "", "王五"],
        ]);
        await workspace.RunOkAsync("inputs", "import", "--run", run, first);
        var second = workspace.Write("round2.csv", "unit,indicator,value\n310000,innovation.cases,4\n500000,innovation.cases,2\n");

        var result = await workspace.RunOkAsync("inputs", "import", "--run", "expert round", second);

        Assert.Contains("(1 added, 1 replaced)", result.Out);
        var stored = await StoredAsync(run);
        Assert.Equal(
            [("120000", "1"), ("310000", "4"), ("500000", "2")],
            stored.Select(i => (i.UnitCode, i.Value)));
        Assert.Contains("round1.xlsx[专家评分]:3", stored[0].Source);
        Assert.Null(stored[1].Evidence);
    }

    [Fact]
    public async Task A_file_with_bad_rows_stores_nothing_and_names_every_row_and_column()
    {
        var run = await CreateRunAsync("municipality", "county");
        var good = workspace.Write("good.csv", "unit,indicator,value\n北京市,data.agency,是\n");
        await workspace.RunOkAsync("inputs", "import", "--run", run, good);
        var before = await StoredAsync(run);
        var bad = workspace.Write("bad.csv", """
            unit,indicator,value,assessor
            北京市,data.agency,否,
            朝阳区,data.agency,是,
            广东省,data.agency,是,
            火星市,data.agency,是,
            上海市,,是,
            天津市,data.agency,,
            北京西城区,data.plan,是,
            110102,data.plan,否,
            上海市,a.b,1,
            重庆市,satisfaction.survey,120,
            重庆市,data.portal,极好,
            """);

        var result = await workspace.RunAsync("inputs", "import", "--run", run, bad);

        Assert.Equal(2, result.Code);
        Assert.Contains("bad.csv:3:unit: '朝阳区' is ambiguous in the run's cohorts (110105 北京朝阳区, 220104 长春朝阳区", result.Error);
        Assert.Contains("bad.csv:4:unit: '广东省' (440000) is not in the run's cohorts (municipality, county)", result.Error);
        Assert.Contains("bad.csv:5:unit: no unit '火星市'", result.Error);
        Assert.Contains("bad.csv:6:indicator: empty", result.Error);
        Assert.Contains("bad.csv:7:value: empty", result.Error);
        Assert.Contains("bad.csv:9:indicator: row 8 already gives data.plan for 110102", result.Error);
        Assert.Contains("bad.csv:10:indicator: 'a.b' is not an input of digital-gov-capability-2020", result.Error);
        Assert.Contains("bad.csv:11:value: 120 is outside 0–100", result.Error);
        Assert.Contains("bad.csv:12:value: '极好' is not one of the allowed values of 'data.portal'", result.Error);
        Assert.DoesNotContain("bad.csv:2:", result.Error);
        Assert.Equal(before, await StoredAsync(run));
    }

    [Fact]
    public async Task Unknown_runs_and_missing_columns_are_bad_input()
    {
        var file = workspace.Write("inputs.csv", "unit,value\n北京市,1\n");
        var noStore = await workspace.RunAsync("inputs", "import", "--run", "abc", file);
        Assert.Equal(2, noStore.Code);
        Assert.Contains("--db: no store", noStore.Error);
        Assert.False(File.Exists(workspace.Db));

        var run = await CreateRunAsync("municipality");
        var unknown = await workspace.RunAsync("inputs", "import", "--run", "nope", file);
        Assert.Equal(2, unknown.Code);
        Assert.Contains("--run: no run 'nope'", unknown.Error);

        var missing = await workspace.RunAsync("inputs", "import", "--run", run, file);
        Assert.Equal(2, missing.Code);
        Assert.Contains("inputs.csv:1: missing column 'indicator'", missing.Error);
        Assert.Empty(await StoredAsync(run));
    }
}
