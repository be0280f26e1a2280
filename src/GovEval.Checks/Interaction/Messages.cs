using GovEval.Core.Text;

namespace GovEval.Checks.Interaction;

/// <summary>
/// A consultation message: when it was submitted and, if answered, when. <see cref="Pending"/> is true only when
/// something says it is unanswered (待回复, or its own page shows no reply); a list that shows no reply column
/// says nothing either way.
/// </summary>
public sealed record Message(string Url, string Title, DateOnly Submitted, DateOnly? Replied, bool Pending);

/// <summary>What one text (a list line or a message page) says about a message.</summary>
public sealed record MessageDates(DateOnly Submitted, DateOnly? Replied, bool MarkedPending);

/// <summary>
/// Reads messages from the lines of a 留言 list (留言时间：… 回复时间：… / 状态：待回复) and from message pages
/// (留言时间 / 答复时间 / 办理状态 rows). Dates are read only after their labels, so a title's numbers or a reply's
/// text never pass for a date.
/// </summary>
public static class Messages
{
    private static readonly string[] SubmittedLabels = ["留言时间", "留言日期", "提交时间", "来信时间", "来信日期", "写信时间", "咨询时间", "提问时间"];
    private static readonly string[] RepliedLabels = ["回复时间", "回复日期", "答复时间", "答复日期", "办结时间", "反馈时间"];

    private static readonly string[] PendingWords = ["待回复", "未回复", "待答复", "未答复", "待处理", "办理中", "正在办理", "尚未回复", "暂未回复"];

    /// <summary>The submission and reply dates in a text, when it names a submission date.</summary>
    public static MessageDates? Read(string text, DateOnly today)
    {
        if (After(text, SubmittedLabels, today) is not { } submitted)
        {
            return null;
        }

        var replied = After(text, RepliedLabels, today);
        return new MessageDates(submitted, replied, replied is null && PendingWords.Any(w => text.Contains(w, StringComparison.Ordinal)));
    }

    private static DateOnly? After(string text, string[] labels, DateOnly today)
    {
        foreach (var label in labels)
        {
            var at = text.IndexOf(label, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            // Only the value right after the label: the next label's date is not this one's.
            var rest = text[(at + label.Length)..];
            var value = rest.Length > 24 ? rest[..24] : rest;
            if (DisplayedDates.First(value, today) is { } date)
            {
                return date;
            }
        }

        return null;
    }
}
