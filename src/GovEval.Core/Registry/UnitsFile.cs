using System.Globalization;
using GovEval.Core.Errors;
using GovEval.Core.Tables;

namespace GovEval.Core.Registry;

/// <summary>The committed registry format: data/registry/units-YEAR.tsv.</summary>
public static class UnitsFile
{
    private static readonly string[] Header = ["code", "name", "short", "level", "kind", "parent", "order", "tags"];

    public static void Write(TextWriter writer, IEnumerable<string> comments, IEnumerable<Unit> units) =>
        TsvFile.Write(writer, comments, Header, units.Select(u => (IReadOnlyList<string>)
        [
            u.Code, u.Name, u.Short, LevelId(u.Level), u.Kind, u.Parent ?? "",
            u.Order.ToString(CultureInfo.InvariantCulture), string.Join(',', u.Tags),
        ]));

    public static IReadOnlyList<Unit> Read(TextReader reader, string source) =>
        TsvFile.Read(reader, source).Select(row => new Unit(
            row.Required("code"),
            row.Required("name"),
            row.Required("short"),
            ParseLevel(row),
            row.Required("kind"),
            row["parent"] is { Length: > 0 } parent ? parent : null,
            long.TryParse(row.Required("order"), NumberStyles.None, CultureInfo.InvariantCulture, out var order)
                ? order
                : throw new InputException($"{source}:{row.Line}", "field 'order' is not a whole number"),
            row["tags"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        .ToList();

    public static string LevelId(UnitLevel level) => level.ToString().ToLowerInvariant();

    public static bool TryParseLevel(string text, out UnitLevel level) =>
        Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level);

    private static UnitLevel ParseLevel(TsvRow row) =>
        TryParseLevel(row.Required("level"), out var level)
            ? level
            : throw new InputException($"{row.Source}:{row.Line}", $"field 'level': '{row["level"]}' is not one of central, province, prefecture, county");
}
