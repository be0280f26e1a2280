using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovEval.Tests.Publish;

/// <summary>Reads a written workbook back with the OpenXml SDK: sheet names and each sheet's cells.</summary>
internal sealed class XlsxReader : IDisposable
{
    private readonly SpreadsheetDocument document;
    private readonly List<string> shared;

    public XlsxReader(string path)
    {
        document = SpreadsheetDocument.Open(path, isEditable: false);
        shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
    }

    public IReadOnlyList<string> SheetNames =>
        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public IReadOnlyList<Row> Rows(string sheetName)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!);
        return part.Worksheet.Descendants<Row>().ToList();
    }

    public IReadOnlyList<string> Texts(Row row) => row.Elements<Cell>().Select(Text).ToList();

    public string Text(Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : cell.CellValue?.Text ?? "";

    public Stylesheet Styles => document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

    public void Dispose() => document.Dispose();
}
