using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovEval.Core.Tables;
using GovEval.Publish.Templates;
using GovEval.Store;

namespace GovEval.Tests.Cli;

public sealed class InputsTemplateCliTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task The_template_lists_every_unit_and_input_indicator_with_drop_downs_and_entered_values()
    {
        var run = await CapabilityRunAsync();
        await workspace.RunOkAsync("inputs", "import", "--run", run, workspace.Write("in.csv", "unit,indicator,value,evidence,assessor\n北京市,data.agency,是,http://b.gov.cn/,王五\n"));
        var path = Path.Combine(workspace.Folder, "out", "template.xlsx");

        await workspace.RunOkAsync("inputs", "template", "--run", run, "--out", path);

        var table = TableReader.ReadXlsx(path);
        Assert.Equal(InputsTemplateWorkbook.Header, table.Columns);
        Assert.Equal(32 * 17, table.Rows.Count);
        var beijing = table.Rows.Single(r => r["单位"] == "110000" && r["指标"] == "data.agency");
        Assert.Equal(("是", "http://b.gov.cn/", "王五", "是 / 否"), (beijing["值"], beijing["佐证"], beijing["评估人"], beijing["允许取值"]));

        using var document = SpreadsheetDocument.Open(path, false);
        var sheet = document.WorkbookPart!.WorksheetParts.First(p => p.Worksheet.Descendants<DataValidation>().Any());
        var validations = sheet.Worksheet.Descendants<DataValidation>().ToList();
        Assert.Contains(validations, v => v.Type!.Value == DataValidationValues.List && v.Formula1!.Text == "\"已完成,推进中,未开展\"");
        Assert.Contains(validations, v => v.Type!.Value == DataValidationValues.Decimal && v.Formula1!.Text == "0" && v.Formula2!.Text == "14");
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
    }

    [Fact]
    public async Task A_filled_template_imports_back_and_unfilled_rows_are_not_errors()
    {
        var run = await CapabilityRunAsync();
        var path = Path.Combine(workspace.Folder, "template.xlsx");
        await workspace.RunOkAsync("inputs", "template", "--run", run, "--out", path);

        // An expert fills two rows and leaves the rest blank, as people do.
        var table = TableReader.ReadXlsx(path);
        var rows = new List<IReadOnlyList<string>> { table.Columns.ToList() };
        foreach (var row in table.Rows)
        {
            var value = (row["单位"], row["指标"]) switch
            {
                ("310000", "integration.websites") => "推进中",
                ("330000", "satisfaction.survey") => "88.5",
                _ => "",
            };
            rows.Add(table.Columns.Select(c => c == "值" ? value : row[c]).ToList());
        }

        var filled = Path.Combine(workspace.Folder, "filled.xlsx");
        Xlsx.Write(filled, "录入", rows);
        var imported = await workspace.RunOkAsync("inputs", "import", "--run", run, filled);
        Assert.Contains("2 inputs for 2 units", imported.Out);

        await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(workspace.Db));
        var inputs = await store.InputsAsync(run);
        Assert.Equal(["310000 integration.websites 推进中", "330000 satisfaction.survey 88.5"], inputs.Select(i => $"{i.UnitCode} {i.Indicator} {i.Value}").Order());
    }

    [Fact]
    public async Task A_value_outside_the_allowed_ones_in_a_filled_template_names_its_row()
    {
        var run = await CapabilityRunAsync();
        var path = Path.Combine(workspace.Folder, "template.xlsx");
        await workspace.RunOkAsync("inputs", "template", "--run", run, "--out", path);
        var table = TableReader.ReadXlsx(path);
        var rows = new List<IReadOnlyList<string>> { table.Columns.ToList() };
        rows.AddRange(table.Rows.Select(r => (IReadOnlyList<string>)table.Columns.Select(c => c == "值" && r.Row == 3 ? "很好" : r[c]).ToList()));
        var filled = Path.Combine(workspace.Folder, "filled.xlsx");
        Xlsx.Write(filled, "录入", rows);

        var result = await workspace.RunAsync("inputs", "import", "--run", run, filled);

        Assert.Equal(2, result.Code);
        Assert.Contains("filled.xlsx[录入]:3:值", result.Error);
    }

    private async Task<string> CapabilityRunAsync() =>
        (await workspace.RunOkAsync("runs", "create", "--name", "t", "--framework", "digital-gov-capability-2020", "--cohort", "provincial")).Out.Trim();
}
