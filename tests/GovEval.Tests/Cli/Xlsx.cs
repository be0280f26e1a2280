using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovEval.Tests.Cli;

/// <summary>Writes a one-sheet workbook the way spreadsheet programs do (shared strings), for import tests.</summary>
public static class Xlsx
{
    public static void Write(string path, string sheetName, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                var text = rows[r][c];
                if (text.Length == 0)
                {
                    continue;
                }

                var reference = $"{(char)('A' + c)}{r + 1}";
                if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    row.Append(new Cell { CellReference = reference, CellValue = new CellValue(text), DataType = CellValues.Number });
                    continue;
                }

                if (!index.TryGetValue(text, out var i))
                {
                    i = index[text] = index.Count;
                    strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                }

                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(i), DataType = CellValues.SharedString });
            }

            data.Append(row);
        }

        sheetPart.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
        workbook.Workbook.Save();
    }
}
