using System.Globalization;
using GovEval.Checks.Columns;
using GovEval.Core.Observations;

namespace GovEval.Checks.Interaction;

/// <summary>
/// The online consultation channel (RULES.md veto.interaction): a 政务咨询-type column must exist (信访, 纪检举报,
/// 在线访谈, 调查征集 don't count), and its messages must be answered: none left without a reply for more than
/// 3 months within the last year (interaction.unanswered), none answered after more than 30 days
/// (interaction.slow-reply). Both name the column's first list page.
/// </summary>
public sealed class ConsultationChecks : ICheckFamily
{
    public const string ChannelRule = "interaction.channel";
    public const string UnansweredRule = "interaction.unanswered";
    public const string SlowReplyRule = "interaction.slow-reply";
    public const string VetoRule = "veto.interaction";

    public IReadOnlyList<string> Rules { get; } = [ChannelRule, UnansweredRule, SlowReplyRule, VetoRule];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var options = context.Options;
        var home = observation.Homepage;
        var today = ColumnFreshness.Today(observation);
        var findings = new List<Finding>();
        var notMeasured = new List<NotMeasured>();
        var consultations = SiteColumns.Of(observation, context)
            .Where(c => c.Class == ColumnClass.Interaction && ColumnClassifier.IsConsultation(c.Name))
            .ToList();

        if (consultations.Count == 0 && !HomepageLinksConsultation(observation, context))
        {
            if (SitePages.Homepage(observation) is { } page && context.Document(page) is not null)
            {
                findings.Add(new Finding(ChannelRule, Severity.Deduction, home, home, "未提供政务咨询类在线互动渠道"));
                findings.Add(new Finding(VetoRule, Severity.Veto, home, home, "无有效的政务咨询渠道（信访、举报、访谈、征集类栏目不计）"));
            }
            else
            {
                notMeasured.Add(new NotMeasured(ChannelRule, "首页未能获取"));
                notMeasured.Add(new NotMeasured(VetoRule, "首页未能获取"));
            }

            return new CheckResult(findings, new Dictionary<string, decimal>(), notMeasured);
        }

        var byUrl = SitePages.ByUrl(observation);
        var unansweredAfter = today.AddMonths(-options.UnansweredAfterMonths);
        var unansweredSince = today.AddMonths(-options.UnansweredWithinMonths);
        var total = 0;
        var vetoed = false;
        foreach (var column in consultations)
        {
            if (column.Status != ColumnStatus.Read)
            {
                notMeasured.Add(new NotMeasured(UnansweredRule, $"栏目“{column.Name}”列表页未能获取：{column.Url}"));
                notMeasured.Add(new NotMeasured(SlowReplyRule, $"栏目“{column.Name}”列表页未能获取：{column.Url}"));
                continue;
            }

            var messages = Read(column, byUrl, context, today);
            total += messages.Count;
            var unanswered = messages.Where(m => m.Pending && m.Submitted >= unansweredSince && m.Submitted < unansweredAfter)
                .OrderBy(m => m.Submitted).ToList();
            var slow = messages.Where(m => m.Replied is { } r && r.DayNumber - m.Submitted.DayNumber > options.SlowReplyDays)
                .OrderByDescending(m => m.Replied!.Value.DayNumber - m.Submitted.DayNumber).ToList();
            if (unanswered.Count > 0)
            {
                var oldest = unanswered[0];
                findings.Add(new Finding(UnansweredRule, Severity.Deduction, column.Url, oldest.Url,
                    $"栏目“{column.Name}”有{unanswered.Count}条留言超过{options.UnansweredAfterMonths}个月未答复（最早{Iso(oldest.Submitted)}）"));
                if (!vetoed)
                {
                    findings.Add(new Finding(VetoRule, Severity.Veto, home, column.Url,
                        $"政务咨询栏目“{column.Name}”留言超过{options.UnansweredAfterMonths}个月未答复"));
                    vetoed = true;
                }
            }

            if (slow.Count > 0)
            {
                var worst = slow[0];
                findings.Add(new Finding(SlowReplyRule, Severity.Deduction, column.Url, worst.Url,
                    $"栏目“{column.Name}”有{slow.Count}条留言答复超过{options.SlowReplyDays}天（最长{worst.Replied!.Value.DayNumber - worst.Submitted.DayNumber}天）"));
            }
        }

        return new CheckResult(findings, new Dictionary<string, decimal> { ["interaction.messages"] = total }, notMeasured);
    }

    /// <summary>Messages of a column from its list lines, completed by the message pages that were fetched.</summary>
    private static List<Message> Read(SiteColumn column, Dictionary<string, PageObservation> byUrl, CheckContext context, DateOnly today)
    {
        var messages = new List<Message>();
        foreach (var entry in column.Entries)
        {
            context.Cancel.ThrowIfCancellationRequested();
            var fromList = Messages.Read(entry.Text, today);
            MessageDates? fromPage = null;
            if (byUrl.TryGetValue(entry.Url, out var page) && context.Document(page)?.Body is { } body)
            {
                fromPage = Messages.Read(SitePages.Text(body), today);
            }

            if ((fromList ?? fromPage) is not { } read)
            {
                continue;
            }

            var replied = fromList?.Replied ?? fromPage?.Replied;
            // Unanswered needs evidence: a 待回复 mark, or the message's own page read without a reply on it.
            var pending = replied is null && (fromList?.MarkedPending == true || fromPage is not null);
            messages.Add(new Message(entry.Url, entry.Title, read.Submitted, replied, pending));
        }

        return messages;
    }

    /// <summary>
    /// A consultation channel linked by name from the homepage or from an interaction page (互动交流 often only
    /// lists its channels, which may live on a provincial platform). 我要写信 links are the forms of columns
    /// already counted.
    /// </summary>
    private static bool HomepageLinksConsultation(SiteObservation observation, CheckContext context)
    {
        var pages = new List<PageObservation>();
        if (SitePages.Homepage(observation) is { } home)
        {
            pages.Add(home);
        }

        var byUrl = SitePages.ByUrl(observation);
        foreach (var column in SiteColumns.Of(observation, context).Where(c => c.Class == ColumnClass.Interaction))
        {
            if (byUrl.TryGetValue(column.Url, out var page))
            {
                pages.Add(page);
            }
        }

        var today = ColumnFreshness.Today(observation);
        foreach (var page in pages)
        {
            if (context.Document(page) is not { } document)
            {
                continue;
            }

            // Messages listed on the page (关于…的咨询, with their dates) are letters, not channels.
            var letters = ListItems.Read(document, SitePages.BaseUrl(page), today, context.Cancel).Where(e => e.Date is not null).Select(e => e.Url).ToHashSet(StringComparer.Ordinal);
            foreach (var anchor in document.QuerySelectorAll("a[href]"))
            {
                var name = SitePages.Text(anchor);
                if (name.Length <= 12 && !name.Contains("写信", StringComparison.Ordinal) && !name.Contains("关于", StringComparison.Ordinal)
                    && ColumnClassifier.IsConsultation(name) && ColumnClassifier.Classify(name) == ColumnClass.Interaction
                    && (SitePages.Resolve(SitePages.BaseUrl(page), anchor.GetAttribute("href")) is not { } url || !letters.Contains(url)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
