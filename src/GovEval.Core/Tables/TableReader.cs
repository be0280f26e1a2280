using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovEval.Core.Errors;

namespace GovEval.Core.Tables;

/// <summary>
/// Reads the tables people hand to GovEval: CSV (UTF-8, with or without BOM), XLSX (first sheet) and JSON
/// (an array of flat objects). Column names are trimmed and compared case-insensitively; cells are text,
/// so interpretation (numbers, codes) and its error messages stay with the caller.
/// </summary>
public static class TableReader
{
    public static Table Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(path, "file does not exist");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => ReadCsv(path),
            ".xlsx" => ReadXlsx(path),
            ".json" => ReadJson(path),
            _ => throw new InputException(path, $"unsupported file type '{extension}': use .csv, .xlsx or .json"),
        };
    }

    public static Table ReadCsv(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return ReadCsv(reader, path);
    }

    public static Table ReadCsv(TextReader text, string source)
    {
        var content = text.ReadToEnd();
        var firstLine = content.Split('\n', 2)[0];
        var separator = CsvParser.DetectSeparator(firstLine);
        List<string>? columns = null;
        var rows = new List<TableRow>();
        foreach (var (line, record) in CsvParser.Parse(new StringReader(content), source, separator))
        {
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (columns is null)
            {
                columns = Normalise(record, $"{source}:{line}");
                continue;
            }

            if (record.Length > columns.Count)
            {
                throw new InputException($"{source}:{line}", $"{record.Length} fields, the header has {columns.Count}");
            }

            rows.Add(new TableRow(source, line, ToCells(columns, record)));
        }

        return columns is null
            ? throw new InputException($"{source}:1", "the file is empty: expected a header row")
            : new Table(source, columns, rows);
    }

    public static Table ReadXlsx(string path)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException)
        {
            throw new InputException(path, $"not a readable XLSX workbook: {e.Message}");
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new InputException(path, "the workbook has no sheets");
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new InputException(path, "the workbook has no sheets");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>()
                .Select(item => item.InnerText).ToList() ?? [];
            var source = $"{path}[{sheet.Name?.Value}]";
            List<string>? columns = null;
            var rows = new List<TableRow>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var rowIndex = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2));
                var values = new SortedDictionary<int, string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    values[ColumnIndex(cell.CellReference?.Value, values.Count)] = CellText(cell, shared);
                }

                var width = values.Count == 0 ? 0 : values.Keys.Max() + 1;
                var record = Enumerable.Range(0, width).Select(i => values.GetValueOrDefault(i, "")).ToArray();
                if (columns is null)
                {
                    if (record.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }

                    columns = Normalise(record, $"{source}:{rowIndex}");
                    continue;
                }

                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                rows.Add(new TableRow(source, rowIndex, ToCells(columns, record)));
            }

            return columns is null
                ? throw new InputException(source, "the sheet is empty: expected a header row")
                : new Table(source, columns, rows);
        }
    }

    public static Table ReadJson(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}:{(e.LineNumber ?? 0) + 1}", $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            var items = document.RootElement.ValueKind switch
            {
                JsonValueKind.Array => document.RootElement,
                JsonValueKind.Object when document.RootElement.TryGetProperty("rows", out var r) && r.ValueKind == JsonValueKind.Array => r,
                _ => throw new InputException(path, "expected an array of objects (or an object with a 'rows' array)"),
            };
            var columns = new List<string>();
            var rows = new List<TableRow>();
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new InputException($"{path}:{index}", "expected an object");
                }

                var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in item.EnumerateObject())
                {
                    var name = property.Name.Trim();
                    if (!columns.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        columns.Add(name);
                    }

                    cells[name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!.Trim(),
                        JsonValueKind.Null => "",
                        JsonValueKind.Array or JsonValueKind.Object => throw new InputException($"{path}:{index}:{name}", "expected a plain value, not a list or object"),
                        _ => property.Value.GetRawText(),
                    };
                }

                rows.Add(new TableRow(path, index, cells));
            }

            return new Table(path, columns, rows);
        }
    }

    private static List<string> Normalise(IEnumerable<string> header, string source)
    {
        var columns = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var duplicate = columns.Where(c => c.Length > 0).GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? columns : throw new InputException(source, $"column '{duplicate.Key}' appears twice in the header");
    }

    private static Dictionary<string, string> ToCells(IReadOnlyList<string> columns, IReadOnlyList<string> record)
    {
        var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length > 0)
            {
                cells[columns[i]] = i < record.Count ? record[i].Trim() : "";
            }
        }

        return cells;
    }

    private static int ColumnIndex(string? reference, int fallback)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return fallback;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    private static string CellText(Cell cell, IReadOnlyList<string> shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count)
        {
            return shared[i];
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return raw == "1" ? "true" : "false";
        }

        return raw;
    }
}
