namespace GovEval.Core.Rules;

/// <summary>A measured value checks report (report.json's measurements, flattened to dotted names).</summary>
public sealed record MeasurementInfo(string Name, string Description, string Unit);

/// <summary>
/// The measurements frameworks may read. A framework naming anything else is refused when loaded, so a
/// typo cannot silently turn a metric into "not measured" for every unit.
/// </summary>
public static class MeasurementCatalogue
{
    public static IReadOnlyList<MeasurementInfo> All { get; } =
    [
        new("pages", "抓取页面数", "个"),
        new("links", "检查链接数", "个"),
        new("availability.visits", "首页监测访问次数", "次"),
        new("availability.failures", "首页访问失败次数", "次"),
        new("availability.share", "首页访问失败占比", "比例"),
        new("homepage.itemsLast2Weeks", "首页近两周新增信息条数", "条"),
        new("homepage.daysSinceUpdate", "首页距最近更新天数", "天"),
        new("columns.count", "识别栏目数", "个"),
        new("columns.stale", "未按期更新栏目数", "个"),
        new("columns.blank", "空白栏目数", "个"),
        new("links.broken", "不可用链接数", "个"),
        new("interaction.unanswered", "超期未答复留言数", "条"),
        new("interaction.medianReplyDays", "留言答复天数中位数", "天"),
        new("services.guides", "办事指南数", "个"),
        new("services.guidesComplete", "要素齐全的办事指南占比", "比例"),
        new("search.found", "站内搜索命中率", "比例"),
        new("performance.homepageSeconds", "首页加载时间", "秒"),
    ];

    private static readonly HashSet<string> Names = All.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    public static bool IsKnown(string name) => Names.Contains(name);

    public static MeasurementInfo? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
