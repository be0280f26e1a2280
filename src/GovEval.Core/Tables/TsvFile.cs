using GovEval.Core.Errors;

namespace GovEval.Core.Tables;

/// <summary>A row of a tab-separated data file, with the line it came from for error messages.</summary>
public sealed record TsvRow(int Line, IReadOnlyDictionary<string, string> Fields, string Source)
{
    public string this[string column] => Fields.TryGetValue(column, out var value) ? value : "";

    public string Required(string column)
    {
        var value = this[column];
        return value.Length > 0
            ? value
            : throw new InputException($"{Source}:{Line}", $"field '{column}' is empty");
    }
}

/// <summary>
/// The project's own data files: UTF-8, tab-separated, '#' comment lines, first other line is the header.
/// </summary>
public static class TsvFile
{
    public static IReadOnlyList<TsvRow> Read(TextReader reader, string source)
    {
        var rows = new List<TsvRow>();
        string[]? header = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells;
                continue;
            }

            if (cells.Length > header.Length)
            {
                throw new InputException($"{source}:{lineNumber}", $"{cells.Length} fields, the header has {header.Length}");
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = i < cells.Length ? cells[i].Trim() : "";
            }

            rows.Add(new TsvRow(lineNumber, fields, source));
        }

        return header is null ? throw new InputException(source, "no header line") : rows;
    }

    public static void Write(TextWriter writer, IEnumerable<string> comments, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        foreach (var comment in comments)
        {
            writer.Write("# ");
            writer.Write(comment);
            writer.Write('\n');
        }

        writer.Write(string.Join('\t', header));
        writer.Write('\n');
        foreach (var row in rows)
        {
            writer.Write(string.Join('\t', row));
            writer.Write('\n');
        }
    }
}
