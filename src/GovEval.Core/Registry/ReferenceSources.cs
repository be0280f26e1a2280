using System.Globalization;
using GovEval.Core.Errors;
using GovEval.Core.Tables;

namespace GovEval.Core.Registry;

/// <summary>Readers for the public fact files the registry is derived from (data/registry/sources).</summary>
public static class ReferenceSources
{
    /// <summary>GB/T 2260 list: one "code name" pair a line, in official order.</summary>
    public static IReadOnlyList<(string Code, string Name)> ReadDivisions(string path)
    {
        var result = new List<(string, string)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parts = line.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[0].Length != 6 || !parts[0].All(char.IsAsciiDigit))
            {
                throw new InputException($"{path}:{lineNumber}", "expected a 6-digit code and a name");
            }

            result.Add((parts[0], parts[1].Trim()));
        }

        return result;
    }

    public static IReadOnlyList<StateCouncilBody> ReadStateCouncil(string path)
    {
        using var reader = new StreamReader(path);
        return TsvFile.Read(reader, path)
            .Select(row => new StateCouncilBody(
                ParseInt(row, "structure"),
                ParseInt(row, "seq"),
                row.Required("tier"),
                row.Required("name"),
                row.Required("short"),
                row["supervisor"] is { Length: > 0 } s ? s : null))
            .ToList();
    }

    public static IReadOnlyList<(string Code, string Role)> ReadCityRoles(string path)
    {
        using var reader = new StreamReader(path);
        return TsvFile.Read(reader, path).Select(row => (row.Required("code"), row.Required("role"))).ToList();
    }

    private static int ParseInt(TsvRow row, string column) =>
        int.TryParse(row.Required(column), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InputException($"{row.Source}:{row.Line}", $"field '{column}' is not a whole number");
}
