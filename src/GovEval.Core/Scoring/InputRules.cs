using System.Globalization;
using GovEval.Core.Frameworks;

namespace GovEval.Core.Scoring;

/// <summary>
/// Which inputs a framework accepts and what their values may be. Used when a sheet is imported (so a bad
/// row is refused with its row and column) and again by the engine.
/// </summary>
public static class InputRules
{
    /// <summary>The indicator an input key feeds, or null when the framework has none.</summary>
    public static Indicator? Target(Framework framework, string key) =>
        framework.Indicators().FirstOrDefault(i => i.IsLeaf && AcceptsInput(i) && i.InputKey == key);

    public static bool AcceptsInput(Indicator leaf) =>
        leaf.Rule is RuleKind.Expert or RuleKind.Survey or RuleKind.Bonus
        || (leaf.Rule == RuleKind.Veto && (leaf.Input is not null || leaf.ConfirmByInput));

    /// <summary>Null when the value is acceptable; otherwise what is wrong, in words a person can act on.</summary>
    public static string? Problem(Indicator leaf, string value)
    {
        if (leaf.Rule == RuleKind.Veto)
        {
            return InputValues.ParseYesNo(value) is null ? $"'{value}' is not 是 or 否 (veto '{leaf.Id}')" : null;
        }

        if (leaf.Options is { } options)
        {
            return options.ContainsKey(value.Trim())
                ? null
                : $"'{value}' is not one of the allowed values of '{leaf.Id}': {string.Join(", ", options.Keys)}";
        }

        if (!InputValues.TryParseNumber(value, out var number))
        {
            return $"'{value}' is not a number (indicator '{leaf.Id}' takes {Range(leaf)})";
        }

        var (min, max) = Bounds(leaf);
        return number < min || number > max ? $"{number.ToString(CultureInfo.InvariantCulture)} is outside {Range(leaf)} for '{leaf.Id}'" : null;
    }

    /// <summary>The numeric range an entered value may take: surveys default to a 0–100 rate, points to 0..points.</summary>
    public static (decimal Min, decimal Max) Bounds(Indicator leaf) =>
        (leaf.InputMin ?? 0, leaf.InputMax ?? (leaf.Rule == RuleKind.Survey ? 100 : leaf.Points));

    public static string Range(Indicator leaf)
    {
        if (leaf.Options is { } options)
        {
            return string.Join(" / ", options.Keys);
        }

        var (min, max) = Bounds(leaf);
        return $"{min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}";
    }
}
