using GovEval.Core.Errors;

namespace GovEval.Core.Tables;

/// <summary>
/// Turns the records of a CSV file or a worksheet into a <see cref="Table"/>: the first non-blank record is the
/// header, blank records are skipped, cells are trimmed and checked (<see cref="CellCharacters"/>), and the
/// row and column limits are enforced as the records arrive, so an oversized table is refused early.
/// Rows keep only their non-empty cells: a wide header costs nothing per row.
/// </summary>
internal sealed class TableBuilder(string source, TableLimits limits, bool spreadsheet)
{
    private readonly List<TableRow> rows = [];
    private List<string>? columns;

    public string Source => source;

    /// <summary>Fields of the header record (trailing empty ones included); 0 before the header.</summary>
    public int HeaderWidth => columns?.Count ?? 0;

    public bool HasHeader => columns is not null;

    /// <summary>Where a cell is, for messages: FILE:ROW:COLUMN once the header names the column.</summary>
    public string Location(int row, int column) =>
        columns is not null && column < columns.Count && columns[column].Length > 0 ? $"{source}:{row}:{columns[column]}" : $"{source}:{row}";

    /// <summary>The cell as a person finds it: B7 in a worksheet, field 2 of a CSV line.</summary>
    public string CellName(int row, int column) => spreadsheet ? $"cell {XlsxReference.Format(column, row)}" : $"field {column + 1}";

    /// <param name="cells">The record's cells by column index, ascending; empty cells may be left out.</param>
    /// <param name="width">The record's number of fields, for the header (CSV counts trailing empty fields).</param>
    public void Add(int row, IReadOnlyList<(int Column, string Text)> cells, int width)
    {
        if (cells.All(c => string.IsNullOrWhiteSpace(c.Text)))
        {
            return;
        }

        if (columns is null)
        {
            columns = Header(row, cells, width);
            return;
        }

        if (rows.Count >= limits.MaxRows)
        {
            throw new InputException($"{source}:{row}", $"more than {limits.MaxRows} rows of data, the limit for a table (raise it with {TableLimits.MaxRowsOption})");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, text) in cells)
        {
            if (column >= columns.Count || columns[column].Length == 0)
            {
                continue;
            }

            var value = text.Trim();
            if (value.Length > 0)
            {
                CellCharacters.Require(value, Location(row, column), CellName(row, column));
                values[columns[column]] = value;
            }
        }

        rows.Add(new TableRow(source, row, values));
    }

    /// <summary>The table, or null when no record had any text (not even a header).</summary>
    public Table? Build() => columns is null ? null : new Table(source, columns, rows);

    private List<string> Header(int row, IReadOnlyList<(int Column, string Text)> cells, int width)
    {
        width = Math.Max(width, cells.Count == 0 ? 0 : cells[^1].Column + 1);
        if (width > limits.MaxColumns)
        {
            throw new InputException(
                $"{source}:{row}",
                $"the header has {width} columns, more than the limit of {limits.MaxColumns} (raise it with {TableLimits.MaxColumnsOption})");
        }

        var names = new string[width];
        Array.Fill(names, "");
        foreach (var (column, text) in cells)
        {
            var name = text.Trim().TrimStart('\uFEFF').Trim();
            CellCharacters.Require(name, $"{source}:{row}", $"header {CellName(row, column)}");
            names[column] = name;
        }

        var duplicate = names.Where(c => c.Length > 0).GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? [.. names]
            : throw new InputException($"{source}:{row}", $"column '{duplicate.Key}' appears twice in the header");
    }
}
