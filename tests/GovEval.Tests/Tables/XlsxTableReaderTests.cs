using System.Text;
using GovEval.Core.Errors;
using GovEval.Core.Tables;

namespace GovEval.Tests.Tables;

public sealed class XlsxTableReaderTests : IDisposable
{
    private const string Header = """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>""";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Workbook(string rows, Action<Dictionary<string, string>>? change = null, string name = "t.xlsx")
    {
        var parts = RawXlsx.Parts(Header + rows, "code", "name");
        change?.Invoke(parts);
        var path = folder[name];
        RawXlsx.Write(path, parts);
        return path;
    }

    private static InputException Refused(string path, TableLimits? limits = null) =>
        Assert.Throws<InputException>(() => TableReader.Read(path, limits));

    [Fact]
    public void Shared_and_inline_strings_numbers_and_booleans_are_read_as_a_spreadsheet_shows_them()
    {
        var path = Workbook(
            """<row r="2"><c r="A2"><v>440303</v></c><c r="B2" t="inlineStr"><is><r><t>罗湖</t></r><r><t>区</t></r></is></c></row>""" +
            """<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="str"><f>A1</f><v>a_x000D__x000A_b_x005F_x0041_</v></c></row>""");

        var table = TableReader.Read(path);

        Assert.Equal($"{path}[Sheet1]", table.Source);
        Assert.Equal(["code", "name"], table.Columns);
        Assert.Equal([("440303", "罗湖区", 2), ("true", "a\r\nb_x0041_", 4)], table.Rows.Select(r => (r["code"], r["name"], r.Row)));
    }

    [Fact]
    public void The_phonetic_guide_east_asian_spreadsheets_attach_to_a_string_is_not_part_of_its_text()
    {
        var path = Workbook("""<row r="2"><c r="A2" t="s"><v>2</v></c></row>""", parts => parts[RawXlsx.SharedStringsName] =
            $"""<sst xmlns="{RawXlsx.Main}"><si><t>code</t></si><si><t>name</t></si><si><r><t>北京</t></r><rPh sb="0" eb="2"><t>ペキン</t></rPh></si></sst>""");

        Assert.Equal("北京", TableReader.Read(path).Rows[0]["code"]);
    }

    [Fact]
    public void A_cell_reference_far_beyond_the_last_column_is_refused_naming_it_without_allocating_its_width()
    {
        var path = Workbook("""<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>""");

        var error = Refused(path);

        Assert.Equal($"{path}[Sheet1]:2", error.Location);
        Assert.Contains("cell reference 'ZZZZZZ2' is not a cell of a worksheet (columns A to XFD", error.Message);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA2")]
    [InlineData("XFE2")]
    [InlineData("A99999999999999999999")]
    [InlineData("A0")]
    [InlineData("2")]
    [InlineData("B")]
    public void Overflowing_and_malformed_references_are_refused(string reference)
    {
        var error = Refused(Workbook($"""<row r="2"><c r="{reference}"><v>1</v></c></row>"""));

        Assert.Contains("is not a cell of a worksheet", error.Message);
    }

    [Fact]
    public void A_sheet_declaring_more_rows_than_a_worksheet_has_is_refused_after_reading_only_its_xml()
    {
        var path = folder["rows.xlsx"];
        RawXlsx.WriteWithSheet(path, RawXlsx.Parts("", "code", "name"), sheet =>
        {
            var writer = new StreamWriter(sheet, new UTF8Encoding(false));
            writer.Write($"""<worksheet xmlns="{RawXlsx.Main}"><sheetData>{Header}""");
            for (var i = 0; i < 1_100_000; i++)
            {
                writer.Write("<row/>");
            }

            writer.Write("</sheetData></worksheet>");
            writer.Flush();
        });

        var error = Refused(path);

        Assert.Equal($"{path}[Sheet1]:1048577", error.Location);
        Assert.Contains("row 1048577 is beyond the last row a worksheet can have (1048576)", error.Message);
    }

    [Fact]
    public void Rows_of_data_over_the_limit_are_refused()
    {
        var rows = string.Concat(Enumerable.Range(2, 3).Select(r => $"<row r=\"{r}\">{RawXlsx.Cell($"A{r}", "x")}</row>"));

        var error = Refused(Workbook(rows), new TableLimits { MaxRows = 2 });

        Assert.EndsWith("[Sheet1]:4", error.Location);
        Assert.Contains("--max-rows", error.Message);
    }

    [Fact]
    public void A_header_wider_than_the_column_limit_is_refused()
    {
        var path = Workbook("", parts => parts[RawXlsx.SheetName] = RawXlsx.Sheet($"""<row r="1">{RawXlsx.Cell("A1", "a")}{RawXlsx.Cell("CW1", "b")}</row>"""));

        var error = Refused(path, new TableLimits { MaxColumns = 100 });

        Assert.Contains("the header has 101 columns, more than the limit of 100 (raise it with --max-columns)", error.Message);
    }

    [Fact]
    public void A_workbook_that_expands_beyond_the_limit_is_refused_before_it_is_inflated()
    {
        var path = Workbook(string.Concat(Enumerable.Repeat("<row/>", 400_000)));

        var error = Refused(path, new TableLimits { MaxExpandedBytes = TableLimits.Megabyte });

        Assert.Equal(path, error.Location);
        Assert.Contains("more than the 1 MB limit (raise it with --max-expanded-mb)", error.Message);
    }

    [Fact]
    public void A_dtd_in_the_sheet_is_refused()
    {
        var path = Workbook("", parts => parts[RawXlsx.SheetName] =
            $"""<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="{RawXlsx.Main}"><sheetData>{Header}<row r="2"><c r="A2" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>""");

        var error = Refused(path);

        Assert.Equal(path, error.Location);
        Assert.Contains("xl/worksheets/sheet1.xml: it has a DTD", error.Message);
    }

    [Fact]
    public void A_character_xml_cannot_hold_is_refused_naming_the_cell_it_is_in()
    {
        var error = Refused(Workbook("""<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>a&#0;b</t></is></c></row>"""));

        Assert.Contains("xl/worksheets/sheet1.xml (at or after cell B2): not well-formed XML", error.Message);
    }

    [Fact]
    public void A_sheet_pointing_at_a_part_the_workbook_lacks_is_refused()
    {
        var path = Workbook("", parts => parts[RawXlsx.WorkbookName] = RawXlsx.Workbook("rId9"));

        var error = Refused(path);

        Assert.Equal(path, error.Location);
        Assert.Contains("the first sheet 'Sheet1' refers to part 'rId9', which the workbook does not have", error.Message);
    }

    [Fact]
    public void A_missing_sheet_part_is_refused()
    {
        var path = Workbook("", parts => parts.Remove(RawXlsx.SheetName));

        Assert.Contains(path, Refused(path).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("code,name\n440303,罗湖区\n")]
    [InlineData("PK\u0003\u0004 not really a zip")]
    public void Renamed_text_and_empty_files_are_not_workbooks(string content)
    {
        var path = folder["renamed.xlsx"];
        File.WriteAllText(path, content);

        var error = Refused(path);

        Assert.Equal(path, error.Location);
        Assert.Contains("not an XLSX workbook: not a zip archive", error.Message);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        var path = folder["other.xlsx"];
        RawXlsx.Write(path, new Dictionary<string, string> { ["readme.txt"] = "hello" });

        var error = Refused(path);

        Assert.Equal(path, error.Location);
        Assert.Contains("XLSX workbook", error.Message);
    }

    [Fact]
    public void A_cell_pointing_at_a_shared_string_the_workbook_lacks_is_refused_naming_the_cell()
    {
        var path = Workbook("""<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>99</v></c></row>""");

        var error = Refused(path);

        Assert.Equal($"{path}[Sheet1]:2:name", error.Location);
        Assert.Contains("cell B2 points at shared string 99, but the workbook has 2", error.Message);
    }

    [Fact]
    public void Rows_and_cells_out_of_order_are_refused_rather_than_overwritten()
    {
        var rows = Refused(Workbook("""<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>""", name: "rows.xlsx"));
        var cells = Refused(Workbook("""<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c></row>""", name: "cells.xlsx"));

        Assert.Contains("row 2 comes after row 3", rows.Message);
        Assert.Contains("cell A2 comes after cell B2", cells.Message);
    }

    [Fact]
    public void A_right_to_left_override_in_a_cell_is_refused_naming_the_column_and_cell()
    {
        var path = Workbook($"<row r=\"2\">{RawXlsx.Cell("A2", "1")}{RawXlsx.Cell("B2", "北京\u202E市")}</row>");

        var error = Refused(path);

        Assert.Equal($"{path}[Sheet1]:2:name", error.Location);
        Assert.Contains("cell B2 holds U+202E RIGHT-TO-LEFT OVERRIDE", error.Message);
    }

    [Fact]
    public void An_escaped_control_character_is_decoded_and_refused()
    {
        var error = Refused(Workbook($"<row r=\"2\">{RawXlsx.Cell("A2", "1")}{RawXlsx.Cell("B2", "a_x0000_b")}</row>"));

        Assert.Contains("holds U+0000 NUL", error.Message);
    }
}
