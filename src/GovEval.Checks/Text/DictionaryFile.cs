using System.Reflection;
using GovEval.Core.Errors;

namespace GovEval.Checks.Text;

/// <summary>One data row of a dictionary with where it came from, so a bad value can be reported as file:line.</summary>
public sealed record DictionaryRow(string File, int Line, IReadOnlyList<string> Fields)
{
    public string Location => $"{File}:{Line}";
}

/// <summary>
/// Reads the word lists of data/dictionaries: UTF-8, one entry a line, '#' comments and blank lines ignored, an
/// optional header row, fields separated by tabs (the pycorrector list separates a few pairs by a space, so a line
/// without a tab may split on spaces). A line with fewer fields than the list needs is refused with file:line:
/// silently dropping it would hide a misspelt list from the person who maintains it.
/// </summary>
public static class DictionaryFile
{
    /// <summary>Rows of an embedded default (<c>dictionaries/NAME</c>) or of a file a user configured.</summary>
    public static IReadOnlyList<DictionaryRow> Read(string? path, string embeddedName, int minimumFields, string? header, bool spaceSeparated = false)
    {
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                throw new InputException(path, "dictionary file does not exist");
            }

            using var file = new StreamReader(path, System.Text.Encoding.UTF8);
            return Parse(file, path, minimumFields, header, spaceSeparated);
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"dictionaries/{embeddedName}")
            ?? throw new InvalidOperationException($"embedded dictionaries/{embeddedName} is missing from the build");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader, $"dictionaries/{embeddedName}", minimumFields, header, spaceSeparated);
    }

    public static IReadOnlyList<DictionaryRow> Parse(TextReader reader, string name, int minimumFields, string? header, bool spaceSeparated = false)
    {
        var rows = new List<DictionaryRow>();
        var number = 0;
        var headerPending = header is not null;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var trimmed = line.TrimEnd('\r').Trim('\uFEFF');
            if (trimmed.Trim().Length == 0 || trimmed.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = trimmed.Contains('\t') || !spaceSeparated
                ? trimmed.Split('\t').Select(f => f.Trim()).ToArray()
                : trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (headerPending)
            {
                headerPending = false;
                if (string.Join('\t', fields.Take(header!.Split('\t').Length)) == header)
                {
                    continue;
                }
            }

            if (fields.Length < minimumFields || fields.Take(minimumFields).Any(f => f.Length == 0))
            {
                throw new InputException($"{name}:{number}", $"expected {minimumFields} non-empty tab-separated fields, found \"{trimmed}\"");
            }

            rows.Add(new DictionaryRow(name, number, fields));
        }

        return rows;
    }

    /// <summary>A yes/no column (serious); empty or absent means no.</summary>
    public static bool YesNo(DictionaryRow row, int index)
    {
        if (index >= row.Fields.Count || row.Fields[index].Length == 0)
        {
            return false;
        }

        return row.Fields[index].ToLowerInvariant() switch
        {
            "yes" or "y" or "true" or "是" => true,
            "no" or "n" or "false" or "否" => false,
            _ => throw new InputException(row.Location, $"expected yes or no, found \"{row.Fields[index]}\""),
        };
    }
}
