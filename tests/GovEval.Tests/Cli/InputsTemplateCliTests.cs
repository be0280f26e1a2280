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
        var websites = validations.Single(v => v.SequenceOfReferences!.Items.Any(i => i.Value == ValueCellOf(table, "110000", "integration.websites")));
        Assert.Equal(DataValidationValues.List, websites.Type!.Value);
        Assert.Equal(["已完成", "推进中", "未开展"], OptionsOf(document, websites.Formula1!.Text));
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

    [Fact]
    public async Task Options_with_commas_quotes_and_over_255_characters_are_offered_whole_and_import_back()
    {
        // Excel's inline list is cut at 255 characters, split at commas and broken by quotes: these options must
        // come from cells of their own.
        var longOption = string.Concat(Enumerable.Repeat("统一规划、统一标准、统一建设、统一运维", 14));
        string[] options = ["已完成,全部验收", "推进中（\"部分\"对接）", longOption, "未开展"];
        var shipped = File.ReadAllText(Path.Combine(CliWorkspace.RepoRoot(), "frameworks", "digital-gov-capability-2020.yaml"));
        var yaml = shipped
            .Replace("id: digital-gov-capability-2020", "id: quoted-options", StringComparison.Ordinal)
            .Replace("options: { 已完成: 6, 推进中: 3.5, 未开展: 0 }", $"options: {{ \"已完成,全部验收\": 6, '推进中（\"部分\"对接）': 3.5, {longOption}: 1, 未开展: 0 }}", StringComparison.Ordinal);
        Assert.NotEqual(shipped.Replace("id: digital-gov-capability-2020", "id: quoted-options", StringComparison.Ordinal), yaml);
        var framework = workspace.Write("quoted-options.yaml", yaml);
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "q", "--framework", framework, "--cohort", "provincial")).Out.Trim();
        var path = Path.Combine(workspace.Folder, "template.xlsx");

        await workspace.RunOkAsync("inputs", "template", "--run", run, "--out", path);

        var table = TableReader.ReadXlsx(path);
        using (var document = SpreadsheetDocument.Open(path, false))
        {
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document));
            var validations = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DataValidation>()).ToList();
            var websites = validations.Single(v => v.SequenceOfReferences!.Items.Any(i => i.Value == ValueCellOf(table, "310000", "integration.websites")));
            Assert.Equal(DataValidationValues.List, websites.Type!.Value);
            Assert.Equal(options, OptionsOf(document, websites.Formula1!.Text));

            // No list is written inline any more, and every text of every rule is within Excel's limits.
            Assert.All(validations.Where(v => v.Type!.Value == DataValidationValues.List), v => Assert.DoesNotContain("\"", v.Formula1!.Text, StringComparison.Ordinal));
            Assert.All(validations, v => Assert.True(
                v.PromptTitle!.Value!.Length <= 32 && v.ErrorTitle!.Value!.Length <= 32 && v.Prompt!.Value!.Length <= 255 && v.Error!.Value!.Length <= 225,
                $"{v.PromptTitle}: {v.Prompt!.Value!.Length} / {v.Error!.Value!.Length} characters"));
            var sheets = document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(["录入", "说明", InputsTemplateWorkbook.OptionsSheet], sheets.Select(s => s.Name!.Value));
            Assert.Equal(SheetStateValues.Hidden, sheets[2].State!.Value);
        }

        // An expert picks each option in the workbook itself (its hidden sheet and names kept) and imports it.
        FillValues(path, table, [("310000", options[0]), ("320000", options[1]), ("330000", options[2])]);
        await workspace.RunOkAsync("inputs", "import", "--run", run, path);
        await using var store = await GovEvalStore.OpenAsync(StoreConnection.Parse(workspace.Db));
        var stored = (await store.InputsAsync(run)).Where(i => i.Indicator == "integration.websites").OrderBy(i => i.UnitCode).Select(i => i.Value);
        Assert.Equal(options[..3], stored);
    }

    /// <summary>The value cell (F12) of a unit's row for an indicator in the template's input sheet.</summary>
    private static string ValueCellOf(GovEval.Core.Tables.Table table, string unit, string indicator) =>
        "F" + table.Rows.Single(r => r["单位"] == unit && r["指标"] == indicator).Row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The cells a list rule's defined name points at, read from the sheet it names.</summary>
    private static List<string> OptionsOf(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var reference = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == name).Text;
        var match = System.Text.RegularExpressions.Regex.Match(reference, @"^'(?<sheet>[^']+)'!\$(?<col>[A-Z]+)\$(?<first>\d+):\$\k<col>\$(?<last>\d+)$");
        Assert.True(match.Success, reference);
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == match.Groups["sheet"].Value);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        var cells = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]);
        var column = match.Groups["col"].Value;
        return Enumerable.Range(int.Parse(match.Groups["first"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups["last"].Value, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(match.Groups["first"].Value, System.Globalization.CultureInfo.InvariantCulture) + 1)
            .Select(r => cells[$"{column}{r}"])
            .ToList();
    }

    /// <summary>Enters values of integration.websites in the template in place, as a spreadsheet program saves a picked value.</summary>
    private static void FillValues(string path, GovEval.Core.Tables.Table table, IEnumerable<(string Unit, string Value)> values)
    {
        using var document = SpreadsheetDocument.Open(path, true);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart!.SharedStringTable;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "录入");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Row>().ToDictionary(r => r.RowIndex!.Value);
        foreach (var (unit, value) in values)
        {
            var reference = ValueCellOf(table, unit, "integration.websites");
            strings.AppendChild(new SharedStringItem(new Text(value)));
            var cell = new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.ChildElements.Count - 1) };
            var row = rows[uint.Parse(reference[1..], System.Globalization.CultureInfo.InvariantCulture)];
            row.InsertAfter(cell, row.Elements<Cell>().Last(c => string.CompareOrdinal(c.CellReference!.Value, reference) < 0));
        }
    }

    private async Task<string> CapabilityRunAsync() =>
        (await workspace.RunOkAsync("runs", "create", "--name", "t", "--framework", "digital-gov-capability-2020", "--cohort", "provincial")).Out.Trim();
}
