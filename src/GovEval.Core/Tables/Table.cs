using GovEval.Core.Errors;

namespace GovEval.Core.Tables;

/// <summary>
/// A row of a table a person supplied (CSV, XLSX or JSON). <see cref="Row"/> is the row number as the person
/// sees it (the header is row 1 in a spreadsheet or CSV; the first object is row 1 in JSON).
/// </summary>
public sealed record TableRow(string Source, int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Get(column) ?? "";

    public string? Get(string column) =>
        Cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;

    /// <summary>The first non-empty of several accepted column names (e.g. unit / 单位 / code).</summary>
    public string? GetAny(params string[] columns) => columns.Select(Get).FirstOrDefault(v => v is not null);

    public InputException Error(string column, string message) => new($"{Source}:{Row}:{column}", message);
}

/// <summary>A table read from a file, with its header in file order.</summary>
public sealed record Table(string Source, IReadOnlyList<string> Columns, IReadOnlyList<TableRow> Rows)
{
    public bool HasColumn(params string[] names) => names.Any(n => Columns.Contains(n, StringComparer.OrdinalIgnoreCase));

    /// <summary>Refuses a table that lacks a required column, naming every accepted spelling.</summary>
    public void RequireColumn(params string[] names)
    {
        if (!HasColumn(names))
        {
            throw new InputException($"{Source}:1", $"missing column '{names[0]}'{(names.Length > 1 ? $" (also accepted: {string.Join(", ", names.Skip(1))})" : "")}; the header has: {string.Join(", ", Columns)}");
        }
    }
}
