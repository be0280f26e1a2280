using System.Text;
using System.Text.Json;
using GovEval.Store;
using GovEval.Tests.Cli;

namespace GovEval.Tests.Tables;

/// <summary>The table reader's decoding, character rules and limits, through the commands that import tables.</summary>
public sealed class TableImportCliTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    static TableImportCliTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public void Dispose() => workspace.Dispose();

    private static Encoding Gbk => Encoding.GetEncoding(936);

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(workspace.Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private async Task<JsonElement> UnitAsync(string code)
    {
        var listed = await workspace.RunOkAsync("registry", "list", "--format", "json");
        return JsonDocument.Parse(listed.Out).RootElement.EnumerateArray().Single(u => u.GetProperty("code").GetString() == code);
    }

    private async Task<string> CreateRunAsync() =>
        (await workspace.RunOkAsync(
            "runs", "create", "--name", "r", "--framework", "digital-gov-capability-2020", "--now", "2020-12-31", "--cohort", "provincial")).Out.Trim();

    private async Task<IReadOnlyList<Core.Observations.ExpertInput>> InputsAsync(string run)
    {
        await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(workspace.Db));
        return await store.InputsAsync(run);
    }

    [Fact]
    public async Task Registry_import_reads_a_gbk_csv_as_excel_saves_it_on_a_chinese_windows()
    {
        var file = WriteBytes("units.csv", Gbk.GetBytes("代码,名称,标签\r\n440399,前海镕新区,pilot\r\n"));

        await workspace.RunOkAsync("registry", "import", file);

        Assert.Equal("前海镕新区", (await UnitAsync("440399")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Inputs_import_reads_a_gbk_csv_and_stores_its_chinese_text_intact()
    {
        var run = await CreateRunAsync();
        var file = WriteBytes("inputs.csv", Gbk.GetBytes("单位,指标,值,佐证,评估人\r\n北京市,data.agency,是,京政办发〔2020〕1号,张三\r\n"));

        await workspace.RunOkAsync("inputs", "import", "--run", run, file);

        var stored = Assert.Single(await InputsAsync(run));
        Assert.Equal(("是", "京政办发〔2020〕1号", "张三"), (stored.Value, stored.Evidence, stored.Assessor));
    }

    [Fact]
    public async Task A_file_that_is_neither_utf8_nor_gb18030_stores_nothing_and_names_file_and_line()
    {
        var run = await CreateRunAsync();
        var file = WriteBytes("inputs.csv", [.. Encoding.UTF8.GetBytes("unit,indicator,value,evidence\n北京市,data.agency,是,"), 0xFF, 0xFE, (byte)'\n']);

        var result = await workspace.RunAsync("inputs", "import", "--run", run, file);

        Assert.Equal(2, result.Code);
        Assert.Contains($"{file}:2: not readable text", result.Error);
        Assert.Empty(await InputsAsync(run));
    }

    [Fact]
    public async Task Cr_only_line_endings_import_like_any_other()
    {
        var file = workspace.Write("mac.csv", "code,name\r440399,新区\r440398,旧区\r");

        var result = await workspace.RunOkAsync("registry", "import", file);

        Assert.Contains("2 units added", result.Out);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u202E")]
    [InlineData("\u200B")]
    public async Task Invisible_and_control_characters_in_a_name_are_refused_and_nothing_is_stored(string character)
    {
        var file = workspace.Write("units.csv", $"code,name\n440399,新区\n440398,外交{character}部\n");

        var result = await workspace.RunAsync("registry", "import", file);

        Assert.Equal(2, result.Code);
        Assert.Contains($"{file}:3:name: field 2 holds U+{(int)character[0]:X4}", result.Error);
        Assert.False(File.Exists(workspace.Db));
    }

    [Fact]
    public async Task The_limits_are_options_and_a_limit_that_trips_names_the_option()
    {
        var run = await CreateRunAsync();
        var file = workspace.Write("inputs.csv", $"unit,indicator,value,evidence\n北京市,data.agency,是,{new string('x', 2 * 1024 * 1024)}\n");

        var over = await workspace.RunAsync("inputs", "import", "--run", run, file, "--max-file-mb", "1");
        var raised = await workspace.RunAsync("inputs", "import", "--run", run, file, "--max-file-mb", "3");
        var invalid = await workspace.RunAsync("inputs", "import", "--run", run, file, "--max-rows", "0");

        Assert.Equal(2, over.Code);
        Assert.Contains("larger than the 1 MB limit (raise it with --max-file-mb)", over.Error);
        Assert.Equal(0, raised.Code);
        Assert.Equal(2, invalid.Code);
        Assert.Contains("--max-rows: must be at least 1, got 0", invalid.Error);
    }

    [Fact]
    public async Task Broken_workbooks_are_bad_input_never_an_internal_error()
    {
        var renamed = workspace.Write("renamed.xlsx", "code,name\n440399,新区\n");
        var empty = workspace.Write("empty.xlsx", "");
        var wide = Path.Combine(workspace.Folder, "wide.xlsx");
        RawXlsx.Write(wide, RawXlsx.Parts("""<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>""", "code"));
        var missing = Path.Combine(workspace.Folder, "missing.xlsx");
        RawXlsx.Write(missing, RawXlsx.Parts("""<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99</v></c></row>""", "code"));

        foreach (var (file, expected) in new[]
                 {
                     (renamed, "not a zip archive"),
                     (empty, "not a zip archive"),
                     (wide, "cell reference 'ZZZZZZ2'"),
                     (missing, "cell B1 points at shared string 99, but the workbook has 1"),
                 })
        {
            var result = await workspace.RunAsync("registry", "import", file);
            Assert.True(result.Code == 2, $"{file}: exit {result.Code}: {result.Error}");
            Assert.Contains(file, result.Error);
            Assert.Contains(expected, result.Error);
            Assert.DoesNotContain("internal error", result.Error);
        }
    }

    [Fact]
    public async Task A_gbk_sample_list_for_runs_create_is_decoded_too()
    {
        var sample = WriteBytes("sample.txt", Gbk.GetBytes("# 抽查名单\r\n深圳市\r\n大连市,备注\r\n"));

        await workspace.RunOkAsync("runs", "create", "--name", "spot", "--framework", "gov-website-check-2019", "--cohort", "sub-provincial-city", "--units", sample);

        using var listed = JsonDocument.Parse((await workspace.RunOkAsync("runs", "list", "--format", "json")).Out);
        Assert.Equal(["210200", "440300"], listed.RootElement[0].GetProperty("units").EnumerateArray().Select(u => u.GetString()!).ToArray());
    }
}
