using System.Globalization;

namespace GovEval.Core.Frameworks;

/// <summary>One key of a framework's <c>checks:</c> block: its name in the file, what it means in Chinese, the rules that read it.</summary>
public sealed record CheckParameterInfo(string Key, string Meaning, string Unit, IReadOnlyList<string> Rules, Func<CheckParameters, string> Value)
{
    /// <summary>The value as <c>frameworks show</c> prints it, with its unit: "15 秒", "6 个月", "pdf, doc".</summary>
    public string Shown(CheckParameters parameters) => Unit.Length == 0 ? Value(parameters) : $"{Value(parameters)} {Unit}";
}

/// <summary>
/// The keys of the <c>checks:</c> block, in the order <c>frameworks show</c> lists them. The shape and bounds of each
/// are in frameworks/framework.schema.json (a test keeps the two lists equal); what each means is here, in Chinese,
/// for the people who read a framework.
/// </summary>
public static class CheckParameterCatalogue
{
    public static IReadOnlyList<CheckParameterInfo> All { get; } =
    [
        new("homepage-timeout-seconds", "首页访问超过该时长仍未打开，即记为一次访问失败", "秒",
            ["veto.unreachable", "availability.homepage"], p => Number((decimal)p.HomepageTimeout.TotalSeconds)),
        new("monitor-days", "首页可用性监测的天数（goveval monitor 的监测窗口）", "天",
            ["veto.unreachable", "availability.homepage"], p => Number(p.MonitorDays)),
        new("monitor-visits-per-day", "监测期间每天间隔访问首页的次数", "次/天",
            ["veto.unreachable", "availability.homepage"], p => Number(p.MonitorVisitsPerDay)),
        new("unreachable-share-percent", "首页访问失败次数占监测总次数达到该比例，即单项否决（站点无法访问）", "%",
            ["veto.unreachable"], p => Number(p.UnreachableSharePercent)),
        new("homepage-window-days", "统计首页新增信息的时段：时段内首页无新增信息即单项否决，新增条数计入首页栏目指标", "天",
            ["veto.homepage-stale", "freshness.homepage"], p => Number(p.HomepageWindowDays)),
        new("homepage-min-new-items", "时段内首页新增信息少于该条数，即记为首页栏目更新不足", "条",
            ["freshness.homepage"], p => Number(p.HomepageMinNewItems)),
        new("news-period-days", "动态、要闻类栏目的更新周期：超过该天数无新信息即为未按期更新", "天",
            ["freshness.column", "veto.columns-stale"], p => Number(p.NewsPeriodDays)),
        new("notice-policy-period-months", "通知公告、政策文件类栏目的更新周期", "个月",
            ["freshness.column", "veto.columns-stale"], p => Number(p.NoticePolicyPeriodMonths)),
        new("personnel-plan-period-months", "人事、规划计划类栏目的更新周期", "个月",
            ["freshness.column", "veto.columns-stale"], p => Number(p.PersonnelPlanPeriodMonths)),
        new("veto-stale-core-columns", "动态要闻、通知公告、政策文件类栏目未按期更新累计达到该数，即单项否决（栏目不更新）", "个",
            ["veto.columns-stale"], p => Number(p.VetoStaleCoreColumns)),
        new("veto-stale-columns", "应更新而未更新的栏目达到该数，即单项否决（栏目不更新）", "个",
            ["veto.columns-stale"], p => Number(p.VetoStaleColumns)),
        new("veto-blank-columns", "空白栏目达到该数，即单项否决（栏目不更新）", "个",
            ["veto.columns-stale"], p => Number(p.VetoBlankColumns)),
        new("unanswered-after-months", "政务咨询类栏目的有效留言超过该时长未答复，即为未答复（单项否决：互动回应差）", "个月",
            ["veto.interaction", "interaction.unanswered"], p => Number(p.UnansweredAfterMonths)),
        new("unanswered-within-months", "只统计该时长内提交的留言（规则回看1年）", "个月",
            ["veto.interaction", "interaction.unanswered"], p => Number(p.UnansweredWithinMonths)),
        new("slow-reply-days", "留言提交后超过该天数才答复，即为答复不及时", "天",
            ["interaction.slow-reply"], p => Number(p.SlowReplyDays)),
        new("download-extensions", "链接目标以这些扩展名结尾的，视为表格附件（无法下载即扣分）", "",
            ["downloads.broken"], p => string.Join(", ", p.DownloadExtensions)),
    ];

    public static CheckParameterInfo? Find(string key) => All.FirstOrDefault(p => p.Key == key);

    /// <summary>
    /// The keys whose values differ, as "key: a → b" (a missing block reads "none"): findings judged with one set of
    /// numbers are not another's, so whatever takes findings across frameworks asks this first.
    /// </summary>
    public static IReadOnlyList<string> Differences(CheckParameters? from, CheckParameters? to)
    {
        if (from is null || to is null)
        {
            return from is null && to is null ? [] : [$"checks: {(from is null ? "none" : "a block")} → {(to is null ? "none" : "a block")}"];
        }

        return All.Where(p => p.Value(from) != p.Value(to)).Select(p => $"{p.Key}: {p.Value(from)} → {p.Value(to)}").ToList();
    }

    private static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
