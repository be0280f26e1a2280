using System.Globalization;

namespace GovEval.Core.Scoring;

/// <summary>How people write values in input sheets: 是/否, yes/no, numbers with full-width digits or a % sign.</summary>
public static class InputValues
{
    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase) { "是", "有", "yes", "y", "true", "1", "√", "✓" };
    private static readonly HashSet<string> No = new(StringComparer.OrdinalIgnoreCase) { "否", "无", "no", "n", "false", "0", "×", "✗" };

    public static bool? ParseYesNo(string value)
    {
        var text = value.Trim();
        return Yes.Contains(text) ? true : No.Contains(text) ? false : null;
    }

    public static bool TryParseNumber(string value, out decimal number)
    {
        var text = value.Trim().Normalize(System.Text.NormalizationForm.FormKC).TrimEnd('%', '分').Trim();
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }
}
