using System.Text;
using System.Text.Json;
using GovEval.Core.Errors;
using GovEval.Core.Text;

namespace GovEval.Core.Tables;

/// <summary>
/// Reads the tables people hand to GovEval: CSV (UTF-8, or GB18030/GBK as Excel writes it on a Chinese
/// Windows; see <see cref="UserTextFile"/>), XLSX (first sheet) and JSON (an array of flat objects). Column
/// names are trimmed and compared case-insensitively; cells are text, so interpretation (numbers, codes) and its
/// error messages stay with the caller. Every cell passes <see cref="CellCharacters"/>, and every file the
/// <see cref="TableLimits"/>: a file over a limit is refused, never read whole.
/// </summary>
public static class TableReader
{
    public static Table Read(string path, TableLimits? limits = null)
    {
        if (!File.Exists(path))
        {
            throw new InputException(path, "file does not exist");
        }

        limits ??= TableLimits.Default;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => ReadCsv(path, limits),
            ".xlsx" => ReadXlsx(path, limits),
            ".json" => ReadJson(path, limits),
            _ => throw new InputException(path, $"unsupported file type '{extension}': use .csv, .xlsx or .json"),
        };
    }

    public static Table ReadCsv(string path, TableLimits? limits = null)
    {
        limits ??= TableLimits.Default;
        using var reader = UserTextFile.Open(path, limits.MaxFileBytes, TableLimits.MaxFileOption, limits.Encoding, out _);
        return ReadCsv(reader, path, limits);
    }

    public static Table ReadCsv(TextReader text, string source, TableLimits? limits = null)
    {
        // The separator is decided on the first line, which is read ahead and then parsed with the rest.
        var firstLine = new StringBuilder();
        int c;
        while ((c = text.Read()) != -1)
        {
            firstLine.Append((char)c);
            if (c is '\n' or '\r')
            {
                break;
            }
        }

        var head = firstLine.ToString();
        var separator = CsvParser.DetectSeparator(head);
        var builder = new TableBuilder(source, limits ?? TableLimits.Default, spreadsheet: false);
        var cells = new List<(int Column, string Text)>();
        foreach (var (line, record) in CsvParser.Parse(new PrefixedReader(head, text), source, separator))
        {
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (builder.HasHeader && record.Length > builder.HeaderWidth)
            {
                throw new InputException($"{source}:{line}", $"{record.Length} fields, the header has {builder.HeaderWidth}");
            }

            cells.Clear();
            for (var i = 0; i < record.Length; i++)
            {
                cells.Add((i, record[i]));
            }

            builder.Add(line, cells, record.Length);
        }

        return builder.Build() ?? throw new InputException($"{source}:1", "the file is empty: expected a header row");
    }

    public static Table ReadXlsx(string path, TableLimits? limits = null) => XlsxTableReader.Read(path, limits ?? TableLimits.Default);

    public static Table ReadJson(string path, TableLimits? limits = null)
    {
        limits ??= TableLimits.Default;
        string text;
        using (var reader = UserTextFile.Open(path, limits.MaxFileBytes, TableLimits.MaxFileOption, limits.Encoding, out _))
        {
            text = reader.ReadToEnd();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}:{(e.LineNumber ?? 0) + 1}", $"not valid JSON: {CellCharacters.Visible(e.Message)}");
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
            var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var rows = new List<TableRow>();
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new InputException($"{path}:{index}", "expected an object");
                }

                if (index > limits.MaxRows)
                {
                    throw new InputException($"{path}:{index}", $"more than {limits.MaxRows} rows of data, the limit for a table (raise it with {TableLimits.MaxRowsOption})");
                }

                var cells = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in item.EnumerateObject())
                {
                    var name = property.Name.Trim();
                    CellCharacters.Require(name, $"{path}:{index}", "a name");
                    if (known.Add(name))
                    {
                        if (columns.Count == limits.MaxColumns)
                        {
                            throw new InputException($"{path}:{index}:{name}", $"more than {limits.MaxColumns} different names, the limit of columns for a table (raise it with {TableLimits.MaxColumnsOption})");
                        }

                        columns.Add(name);
                    }

                    var value = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!.Trim(),
                        JsonValueKind.Null => "",
                        JsonValueKind.Array or JsonValueKind.Object => throw new InputException($"{path}:{index}:{name}", "expected a plain value, not a list or object"),
                        _ => property.Value.GetRawText(),
                    };
                    if (value.Length > 0)
                    {
                        CellCharacters.Require(value, $"{path}:{index}:{name}", "the value");
                        cells[name] = value;
                    }
                }

                rows.Add(new TableRow(path, index, cells));
            }

            return new Table(path, columns, rows);
        }
    }

    /// <summary>A reader that gives back the text already read ahead, then the rest.</summary>
    private sealed class PrefixedReader(string prefix, TextReader rest) : TextReader
    {
        private int position;

        public override int Peek() => position < prefix.Length ? prefix[position] : rest.Peek();

        public override int Read() => position < prefix.Length ? prefix[position++] : rest.Read();
    }
}
