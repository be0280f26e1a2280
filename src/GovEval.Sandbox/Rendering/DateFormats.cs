using System.Globalization;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Rendering;

/// <summary>Writes a date the way a list shows it. Formats without a year are used only for dates under 300 days old, where the year is unambiguous.</summary>
public static class DateFormats
{
    public static string Format(DateOnly date, DateStyle style, DateOnly today)
    {
        if (style is DateStyle.BracketMonthDay or DateStyle.MonthDay && today.DayNumber - date.DayNumber > 300)
        {
            style = DateStyle.Iso;
        }

        return style switch
        {
            DateStyle.Chinese => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            DateStyle.Slash => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            DateStyle.Dot => date.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture),
            DateStyle.BracketMonthDay => date.ToString("[MM-dd]", CultureInfo.InvariantCulture),
            DateStyle.MonthDay => date.ToString("MM-dd", CultureInfo.InvariantCulture),
            DateStyle.Labelled => "发布时间：" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string PubDate(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
