using GovEval.Core.Errors;
using GovEval.Core.Tables;

namespace GovEval.Store.Imports;

/// <summary>
/// Which header of a person's table holds which field, accepting English and Chinese spellings
/// (unit / 单位). A column nobody asked for is refused rather than ignored, so a misspelt header
/// ("assesor") cannot silently drop a whole column of data.
/// </summary>
internal sealed class ColumnMap
{
    private readonly Dictionary<string, string> headers;

    private ColumnMap(Dictionary<string, string> headers) => this.headers = headers;

    /// <param name="aliases">Field → accepted header spellings, the first being the field's own name.</param>
    public static ColumnMap Build(Table table, IReadOnlyDictionary<string, string[]> aliases)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<InputException>();
        foreach (var column in table.Columns.Where(c => c.Length > 0))
        {
            var field = aliases.FirstOrDefault(a => a.Value.Contains(column, StringComparer.OrdinalIgnoreCase)).Key;
            if (field is null)
            {
                problems.Add(new InputException(
                    $"{table.Source}:1:{column}",
                    $"unknown column; accepted: {string.Join("; ", aliases.Select(a => string.Join(" / ", a.Value)))}"));
            }
            else if (headers.TryGetValue(field, out var other))
            {
                problems.Add(new InputException($"{table.Source}:1:{column}", $"column '{other}' already gives the {field}"));
            }
            else
            {
                headers[field] = column;
            }
        }

        return problems.Count switch
        {
            0 => new ColumnMap(headers),
            1 => throw problems[0],
            _ => throw new InputException(problems),
        };
    }

    public bool Has(string field) => headers.ContainsKey(field);

    /// <summary>The header as the file spells it (for error locations), or the field name when absent.</summary>
    public string Header(string field) => headers.GetValueOrDefault(field, field);

    /// <summary>The trimmed cell, or null when the column is absent or the cell empty.</summary>
    public string? Get(TableRow row, string field) =>
        headers.TryGetValue(field, out var header) ? row.Get(header)?.Trim() is { Length: > 0 } value ? value : null : null;

    public InputException Error(TableRow row, string field, string message) => row.Error(Header(field), message);
}
