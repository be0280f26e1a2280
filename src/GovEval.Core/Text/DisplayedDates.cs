using System.Globalization;
using System.Text.RegularExpressions;

namespace GovEval.Core.Text;

/// <summary>
/// The one reader of the dates government pages display, for collector probes and checks alike: 2020-11-30,
/// 2020年11月30日, 2020/11/30, 2020.11.30, 2020 - 3 - 5, and without a year [11-30], 11-30, 11月30日; a labelled
/// date (发布时间：…) wins over the others on its line; item URLs such as /202011/t20201130_123.html carry theirs.
/// Two readers with different year ranges and formats once made the search probe and the freshness checks see
/// different newest items on the same homepage: every date of the code base is read here, from element text,
/// never from markup.
/// </summary>
public static partial class DisplayedDates
{
    /// <summary>
    /// Years a displayed date may carry. Not a reading of the rules but of plausibility: a four-digit number outside
    /// this range next to separators is a serial or a phone number, not a date.
    /// </summary>
    public const int FirstYear = 1990;

    /// <inheritdoc cref="FirstYear"/>
    public const int LastYear = 2100;

    /// <summary>Labels that name a line's publish date; the date after one wins over any other on the line.</summary>
    public static IReadOnlyList<string> PublishLabels { get; } = ["发布时间", "发布日期", "留言时间", "提交时间", "来信时间"];

    /// <summary>
    /// Every date in the text, in order of appearance: the full dates if there are any, else the year-less ones.
    /// A year-less date takes the latest year that does not put it after <paramref name="today"/>, since lists drop
    /// the year only for recent items.
    /// </summary>
    public static IReadOnlyList<DateOnly> All(string text, DateOnly today)
    {
        var dates = new List<DateOnly>();
        foreach (Match m in FullDate().Matches(text))
        {
            if (Make(Number(m.Groups[1]), Number(m.Groups[2]), Number(m.Groups[3])) is { } d)
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
            var month = Number(m.Groups["m1"].Success ? m.Groups["m1"] : m.Groups["m2"]);
            var day = Number(m.Groups["d1"].Success ? m.Groups["d1"] : m.Groups["d2"]);
            if (Make(today.Year, month, day) is { } d)
            {
                dates.Add(d > today && Make(today.Year - 1, month, day) is { } last ? last : d);
            }
        }

        return dates;
    }

    /// <summary>The first date in the text (full dates first), or null.</summary>
    public static DateOnly? First(string text, DateOnly today) => All(text, today) is [var first, ..] ? first : null;

    /// <summary>
    /// The date of one list line (its text without the item's title): the date after a publish label
    /// (<see cref="PublishLabels"/>) first, else the first date shown.
    /// </summary>
    public static DateOnly? OfLine(string text, DateOnly today)
    {
        foreach (var label in PublishLabels)
        {
            var at = text.IndexOf(label, StringComparison.Ordinal);
            if (at >= 0 && First(text[(at + label.Length)..], today) is { } labelled)
            {
                return labelled;
            }
        }

        return First(text, today);
    }

    /// <summary>A PubDate meta value (YYYY-MM-DD HH:MM, tolerating the other separators of a full date).</summary>
    public static DateOnly? PubDate(string? value) =>
        value is not null && FullDate().Match(value) is { Success: true } m
            ? Make(Number(m.Groups[1]), Number(m.Groups[2]), Number(m.Groups[3]))
            : null;

    /// <summary>The date a CMS writes into item URLs (/xwzx/202011/t20201130_123.html), or null.</summary>
    public static DateOnly? FromUrl(string url) =>
        UrlDate().Match(url) is { Success: true } m ? Make(Number(m.Groups[1]), Number(m.Groups[2]), Number(m.Groups[3])) : null;

    // The patterns say [0-9], not \d: \d matches every script's digits (full-width ２, Arabic-Indic), which int.Parse refuses.
    private static int Number(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= FirstYear and <= LastYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    [GeneratedRegex(@"(?<![0-9])([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})(?![0-9])")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?<![0-9\-/.年])(?<m1>[0-9]{1,2})-(?<d1>[0-9]{1,2})(?![0-9\-:])|(?<![0-9年])(?<m2>[0-9]{1,2})月(?<d2>[0-9]{1,2})日")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"/t([0-9]{4})([0-9][0-9])([0-9][0-9])_")]
    private static partial Regex UrlDate();
}
