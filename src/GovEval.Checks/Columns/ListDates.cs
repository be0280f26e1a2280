using System.Text.RegularExpressions;

namespace GovEval.Checks.Columns;

/// <summary>
/// Reads the dates lists show: 2020-11-30, 2020年11月30日, 2020/11/30, 2020.11.30, and without a year [11-30],
/// 11-30, 11月30日. A year-less date takes the latest year that does not put it after today, since lists only
/// drop the year for recent items.
/// </summary>
public static partial class ListDates
{
    /// <summary>Every date in the text, in order of appearance (full dates first if there are any).</summary>
    public static IReadOnlyList<DateOnly> All(string text, DateOnly today)
    {
        var dates = new List<DateOnly>();
        foreach (Match m in FullDate().Matches(text))
        {
            if (Make(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value)) is { } d)
            {
                dates.Add(d);
            }
        }

        if (dates.Count > 0)
        {
            return dates;
        }

        foreach (Match m in MonthDay().Matches(text))
        {
            var month = int.Parse(m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value);
            var day = int.Parse(m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value);
            if (Make(today.Year, month, day) is { } d)
            {
                dates.Add(d > today && Make(today.Year - 1, month, day) is { } last ? last : d);
            }
        }

        return dates;
    }

    /// <summary>The first date in the text, or null.</summary>
    public static DateOnly? First(string text, DateOnly today) => All(text, today) is [var first, ..] ? first : null;

    /// <summary>A PubDate meta value (YYYY-MM-DD HH:MM, tolerating other separators).</summary>
    public static DateOnly? PubDate(string? value) =>
        value is null ? null : FullDate().Match(value) is { Success: true } m
            ? Make(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value))
            : null;

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    [GeneratedRegex(@"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?<![\d\-/.年])(?<m1>\d{1,2})-(?<d1>\d{1,2})(?![\d\-:])|(?<![\d年])(?<m2>\d{1,2})月(?<d2>\d{1,2})日")]
    private static partial Regex MonthDay();
}
