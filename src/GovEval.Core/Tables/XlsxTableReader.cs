using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using GovEval.Core.Errors;

namespace GovEval.Core.Tables;

/// <summary>
/// Reads the first worksheet of an XLSX workbook as a table. The package (zip, content types, relationships) is
/// opened with the Open XML SDK, but the workbook, shared strings and sheet are streamed with an XmlReader
/// rather than loaded as a DOM: a sheet declaring millions of empty rows costs time in proportion to its XML,
/// not gigabytes. The archive's uncompressed size is checked before anything is inflated (the zip reader never
/// inflates an entry past the size it declares), DTDs are refused, and every reference (sheet relationship,
/// cell reference, shared string index) is checked, so a damaged or crafted workbook is refused naming the
/// file and, where there is one, the cell.
/// </summary>
internal static class XlsxTableReader
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static readonly string[] RelationshipNamespaces =
    [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ];

    public static Table Read(string path, TableLimits limits)
    {
        CheckArchive(path, limits);
        var document = Package(path, () => SpreadsheetDocument.Open(path, isEditable: false));
        using (document)
        {
            var workbook = Package(path, () => document.WorkbookPart)
                ?? throw new InputException(path, "not an XLSX workbook: the package has no workbook (was another kind of Office file renamed?)");
            var (name, id) = FirstSheet(path, workbook);
            CellCharacters.Require(name, path, "the first sheet's name");
            var source = $"{path}[{name}]";
            var part = Package(path, () => workbook.Parts.Where(p => p.RelationshipId == id).Select(p => p.OpenXmlPart).FirstOrDefault())
                ?? throw new InputException(path, $"the first sheet '{name}' refers to part '{id}', which the workbook does not have (the file is damaged)");
            if (part is not WorksheetPart sheet)
            {
                throw new InputException(path, $"the first sheet '{name}' is not a worksheet (a chart sheet?): put the table on the first sheet");
            }

            var shared = SharedStrings(path, workbook);
            return ReadSheet(path, source, sheet, shared, limits);
        }
    }

    private static void CheckArchive(string path, TableLimits limits)
    {
        var size = new FileInfo(path).Length;
        if (size > limits.MaxFileBytes)
        {
            throw new InputException(path, $"the file is {Size(size)}, larger than the {Size(limits.MaxFileBytes)} limit (raise it with {TableLimits.MaxFileOption})");
        }

        long expanded = 0;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries)
            {
                expanded = entry.Length < 0 || long.MaxValue - expanded < entry.Length ? long.MaxValue : expanded + entry.Length;
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, $"not an XLSX workbook: not a zip archive ({e.Message}); was a CSV or an old .xls file renamed?");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"cannot be read: {e.Message}");
        }

        if (expanded > limits.MaxExpandedBytes)
        {
            throw new InputException(
                path,
                $"the workbook expands to {Size(expanded)} once uncompressed, more than the {Size(limits.MaxExpandedBytes)} limit " +
                $"(raise it with {TableLimits.MaxExpandedOption})");
        }
    }

    /// <summary>The package layer's refusals of a file that is a zip but not a readable workbook, as bad input.</summary>
    private static T Package<T>(string path, Func<T> open)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or XmlException
                                      or UriFormatException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new InputException(path, $"not a readable XLSX workbook: {CellCharacters.Visible(e.Message)}");
        }
    }

    private static (string Name, string Id) FirstSheet(string path, WorkbookPart workbook) =>
        ReadPart(path, workbook, () => null, xml =>
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                {
                    var name = xml.GetAttribute("name") ?? "";
                    var id = RelationshipNamespaces.Select(ns => xml.GetAttribute("id", ns)).FirstOrDefault(v => v is not null);
                    return id is null
                        ? throw new InputException(path, $"the first sheet '{name}' has no part (the file is damaged)")
                        : (name, id);
                }
            }

            throw new InputException(path, "the workbook has no sheets");
        });

    private static List<string> SharedStrings(string path, WorkbookPart workbook)
    {
        var part = Package(path, () => workbook.SharedStringTablePart);
        return part is null
            ? []
            : ReadPart(path, part, () => null, xml =>
            {
                var strings = new List<string>();
                if (!xml.Read())
                {
                    return strings;
                }

                while (!xml.EOF)
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                    {
                        strings.Add(RichText(xml));
                    }
                    else
                    {
                        xml.Read();
                    }
                }

                return strings;
            });
    }

    private static Table ReadSheet(string path, string source, WorksheetPart sheet, List<string> shared, TableLimits limits)
    {
        var builder = new TableBuilder(source, limits, spreadsheet: true);
        string? cell = null;
        ReadPart(path, sheet, () => cell, xml =>
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheetData")
                {
                    if (!xml.IsEmptyElement)
                    {
                        ReadRows(xml, builder, shared, reference => cell = reference);
                    }

                    break;
                }
            }

            return 0;
        });
        return builder.Build() ?? throw new InputException(source, "the sheet is empty: expected a header row");
    }

    private static void ReadRows(XmlReader xml, TableBuilder builder, List<string> shared, Action<string> at)
    {
        var depth = xml.Depth;
        var previousRow = 0;
        var cells = new List<(int Column, string Text)>();
        while (Next(xml) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != depth + 1 || xml.LocalName != "row")
            {
                continue;
            }

            var row = RowNumber(xml, builder.Source, previousRow);
            previousRow = row;
            cells.Clear();
            if (!xml.IsEmptyElement)
            {
                ReadCells(xml, builder, shared, row, cells, at);
            }

            builder.Add(row, cells, cells.Count == 0 ? 0 : cells[^1].Column + 1);
        }
    }

    private static int RowNumber(XmlReader xml, string source, int previous)
    {
        var attribute = xml.GetAttribute("r");
        int row;
        if (attribute is null)
        {
            row = previous + 1;
        }
        else if (!int.TryParse(attribute, NumberStyles.None, CultureInfo.InvariantCulture, out row) || row < 1)
        {
            throw new InputException($"{source}:{previous + 1}", $"row number '{attribute}' after row {previous} is not a row of a worksheet (the file is damaged)");
        }

        if (row > XlsxReference.MaxRows)
        {
            throw new InputException(
                $"{source}:{row}",
                $"row {row} is beyond the last row a worksheet can have ({XlsxReference.MaxRows}): the file is damaged or was not written by a spreadsheet program");
        }

        return row > previous
            ? row
            : throw new InputException($"{source}:{row}", $"row {row} comes after row {previous}: a worksheet's rows are in order (the file is damaged)");
    }

    private static void ReadCells(XmlReader xml, TableBuilder builder, List<string> shared, int row, List<(int Column, string Text)> cells, Action<string> at)
    {
        var depth = xml.Depth;
        var previousColumn = -1;
        while (Next(xml) && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != depth + 1 || xml.LocalName != "c")
            {
                continue;
            }

            var reference = xml.GetAttribute("r");
            int column;
            if (reference is null)
            {
                column = previousColumn + 1;
                if (column >= XlsxReference.MaxColumns)
                {
                    throw new InputException($"{builder.Source}:{row}", $"row {row} has more cells than the {XlsxReference.MaxColumns} columns of a worksheet (the file is damaged)");
                }
            }
            else
            {
                var parsed = XlsxReference.Parse(reference)
                    ?? throw new InputException(
                        $"{builder.Source}:{row}",
                        $"cell reference '{Shown(reference)}' is not a cell of a worksheet (columns A to XFD, rows 1 to {XlsxReference.MaxRows}): " +
                        "the file is damaged or was not written by a spreadsheet program");
                if (parsed.Row != row)
                {
                    throw new InputException($"{builder.Source}:{row}", $"cell {reference} is inside row {row} (the file is damaged)");
                }

                column = parsed.Column;
            }

            if (column <= previousColumn)
            {
                throw new InputException(
                    $"{builder.Source}:{row}",
                    $"{builder.CellName(row, column)} comes after {builder.CellName(row, previousColumn)}: a row's cells are in order (the file is damaged)");
            }

            previousColumn = column;
            at(XlsxReference.Format(column, row));
            var text = CellValue(xml, builder, shared, row, column);
            if (text.Length > 0)
            {
                cells.Add((column, text));
            }
        }
    }

    /// <summary>The text of a cell as a spreadsheet shows it; the reader is on the cell's element and stays on its end.</summary>
    private static string CellValue(XmlReader xml, TableBuilder builder, List<string> shared, int row, int column)
    {
        var type = xml.GetAttribute("t");
        if (xml.IsEmptyElement)
        {
            return "";
        }

        var depth = xml.Depth;
        string? value = null;
        string? inline = null;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1 && xml.LocalName == "v")
            {
                value = xml.ReadElementContentAsString();
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1 && xml.LocalName == "is")
            {
                inline = RichText(xml);
            }
            else if (!Next(xml))
            {
                break;
            }
        }

        switch (type)
        {
            case "s" when value is null:
                return "";
            case "s":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw new InputException(builder.Location(row, column), $"{builder.CellName(row, column)} is a shared string with index '{Shown(value)}', which is not a number (the file is damaged)");
                }

                return index < shared.Count
                    ? shared[index]
                    : throw new InputException(
                        builder.Location(row, column),
                        $"{builder.CellName(row, column)} points at shared string {index}, but the workbook has {shared.Count} (the file is damaged)");
            case "inlineStr":
                return inline ?? "";
            case "b":
                return value is null ? "" : value.Trim() == "1" ? "true" : "false";
            case "str":
                return Unescape(value ?? "");
            default:
                return value ?? "";
        }
    }

    /// <summary>
    /// The text of a string item (&lt;si&gt; or &lt;is&gt;): its runs, without the phonetic guide (&lt;rPh&gt;) that
    /// East Asian spreadsheets attach. The reader moves past the item's end.
    /// </summary>
    private static string RichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }

        var depth = xml.Depth;
        var text = new StringBuilder();
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
            }
            else if (!Next(xml))
            {
                break;
            }
        }

        xml.Read();
        return Unescape(text.ToString());
    }

    /// <summary>Reads the next node; the end of the part before its elements are closed is malformed XML.</summary>
    private static bool Next(XmlReader xml) => xml.Read() ? true : throw new XmlException("the part ends before its elements are closed");

    /// <summary>
    /// Spreadsheet strings escape characters XML cannot hold as _xHHHH_ (a line's carriage return is _x000D_,
    /// a literal "_x" is _x005F_x): decoded, so the text is what the spreadsheet shows and is checked as such.
    /// </summary>
    internal static string Unescape(string text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var from = 0;
        for (; at >= 0; at = text.IndexOf("_x", from, StringComparison.Ordinal))
        {
            if (at + 7 <= text.Length && text[at + 6] == '_'
                && int.TryParse(text.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                result.Append(text, from, at - from).Append((char)code);
                from = at + 7;
            }
            else
            {
                result.Append(text, from, at + 2 - from);
                from = at + 2;
            }
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    private static T ReadPart<T>(string path, OpenXmlPart part, Func<string?> near, Func<XmlReader, T> read)
    {
        var name = part.Uri.OriginalString.TrimStart('/');
        try
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var xml = XmlReader.Create(stream, XmlSettings);
            return read(xml);
        }
        catch (XmlException e)
        {
            var where = near() is { } cell ? $" (at or after cell {cell})" : "";
            var detail = e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "it has a DTD (<!DOCTYPE …>), which a workbook never has; refused, as a DTD can expand entities without bound"
                : $"not well-formed XML: {CellCharacters.Visible(e.Message)}";
            throw new InputException(path, $"{name}{where}: {detail}");
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new InputException(path, $"{name} is damaged: {CellCharacters.Visible(e.Message)}");
        }
    }

    private static string Shown(string text) => CellCharacters.Visible(text.Length > 40 ? text[..40] + "…" : text);

    private static string Size(long bytes) => Text.UserTextFile.Size(bytes);
}
