using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovEval.Publish.Xlsx;

/// <summary>
/// Streams one worksheet (SAX, so a detail sheet of a million lines never sits in memory): a bold header row frozen
/// at the top, column widths, then rows of text (shared strings) and numbers (real numbers, not text).
/// </summary>
public sealed class SheetWriter : IDisposable
{
    private readonly OpenXmlWriter writer;
    private readonly SharedStrings strings;
    private readonly List<DataValidation> validations = [];
    private uint row;

    public SheetWriter(WorksheetPart part, SharedStrings strings, IReadOnlyList<string> header, IReadOnlyList<double> widths)
    {
        this.strings = strings;
        writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new StringValue("A2")]) })
        { WorkbookViewId = 0 }));
        var columns = new Columns();
        for (var i = 0; i < header.Count; i++)
        {
            var width = i < widths.Count ? widths[i] : 12D;
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = width, CustomWidth = true });
        }

        writer.WriteElement(columns);
        writer.WriteStartElement(new SheetData());
        Write(header.Select(h => XCell.Of(h)).ToList(), XlsxStyles.Header);
    }

    /// <summary>Rows written so far, the header included.</summary>
    public uint Rows => row;

    public void Row(IReadOnlyList<XCell> cells) => Write(cells, null);

    /// <summary>A drop-down or range rule for cells; written after the data, where the schema wants it.</summary>
    public void Validate(DataValidation validation) => validations.Add(validation);

    public void Dispose()
    {
        writer.WriteEndElement(); // sheetData
        if (validations.Count > 0)
        {
            writer.WriteElement(new DataValidations(validations) { Count = (uint)validations.Count });
        }

        writer.WriteEndElement(); // worksheet
        writer.Dispose();
    }

    private void Write(IReadOnlyList<XCell> cells, uint? style)
    {
        row++;
        writer.WriteStartElement(new Row { RowIndex = row });
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var reference = ColumnName(i) + row.ToString(CultureInfo.InvariantCulture);
            if (cell.Number is { } number)
            {
                writer.WriteElement(new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.Number,
                    StyleIndex = style ?? XlsxStyles.Number(cell.Decimals),
                    CellValue = new CellValue(number),
                });
            }
            else if (!string.IsNullOrEmpty(cell.Text))
            {
                writer.WriteElement(new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.SharedString,
                    StyleIndex = style ?? XlsxStyles.Text,
                    CellValue = new CellValue(strings.Index(cell.Text)),
                });
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>A, B, …, Z, AA, AB, …</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
