using System.Globalization;
using System.Text.RegularExpressions;

namespace GovEval.Collect.Probes;

/// <summary>A linked item title with the date shown next to it (or encoded in its URL).</summary>
public sealed record DatedLink(string Title, string Url, DateOnly Date);

/// <summary>
/// Reads dates as government lists display them: 2020-11-30, 2020年11月30日, 2020/11/30, 2020.11.30, [11-30], 11-30
/// (year-less dates are the latest such day not after today). Applied to element text, never to markup.
/// </summary>
public static partial class DisplayedDate
{
    public static DateOnly? Parse(string text, DateOnly today)
    {
        var full = Full().Match(text);
        if (full.Success && TryDate(full.Groups[1].Value, full.Groups[2].Value, full.Groups[3].Value, out var date))
        {
            return date;
        }

        var short_ = Short().Match(text);
        if (short_.Success && TryDate(today.Year.ToString(CultureInfo.InvariantCulture), short_.Groups[1].Value, short_.Groups[2].Value, out var thisYear))
        {
            return thisYear > today ? thisYear.AddYears(-1) : thisYear;
        }

        return null;
    }

    /// <summary>Item URLs like /xwzx/202011/t20201130_123.html carry their date.</summary>
    public static DateOnly? FromUrl(string url)
    {
        var match = UrlDate().Match(url);
        return match.Success && TryDate(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, out var date) ? date : null;
    }

    private static bool TryDate(string y, string m, string d, out DateOnly date)
    {
        date = default;
        return int.TryParse(y, CultureInfo.InvariantCulture, out var year) && int.TryParse(m, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(d, CultureInfo.InvariantCulture, out var day) && year is > 1990 and < 2200 && month is >= 1 and <= 12
            && day >= 1 && day <= DateTime.DaysInMonth(year, month) && (date = new DateOnly(year, month, day)) == date;
    }

    [GeneratedRegex(@"((?:19|20|21)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")]
    private static partial Regex Full();

    [GeneratedRegex(@"(?<![\d-])(\d{1,2})-(\d{1,2})(?![\d-])")]
    private static partial Regex Short();

    [GeneratedRegex(@"/t((?:19|20|21)\d\d)(\d\d)(\d\d)_")]
    private static partial Regex UrlDate();
}
