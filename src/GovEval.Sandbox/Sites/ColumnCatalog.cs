using GovEval.Sandbox.Population;

namespace GovEval.Sandbox.Sites;

/// <summary>A column a site may have: its path, its name, class and the titles it carries.</summary>
public sealed record ColumnSpec(string Slug, string Name, ColumnClass Class, TitleSource Titles, bool Consultation = false, bool Messages = false);

/// <summary>
/// The columns of a portal as 政府网站发展指引 describes them (动态/要闻, 通知公告, 政策文件 with 解读, 人事,
/// 规划计划, 机构概况, 信息公开年报, 互动交流), named the way real sites name them.
/// </summary>
public static class ColumnCatalog
{
    public static IReadOnlyList<ColumnSpec> News(SiteEntry site) =>
    [
        new("xwzx/zwyw", site.IsPortal ? "政务要闻" : "工作动态", ColumnClass.News, TitleSource.News),
        new("xwzx/bmdt", site.IsPortal ? "部门动态" : "部门要闻", ColumnClass.News, TitleSource.News),
        new("xwzx/jcdt", site.Unit.Level switch
        {
            Core.Registry.UnitLevel.County => "乡镇动态",
            Core.Registry.UnitLevel.Central => "地方动态",
            _ => "区县动态",
        }, ColumnClass.News, TitleSource.News),
        new("xwzx/mtgz", "媒体关注", ColumnClass.News, TitleSource.News),
    ];

    public static IReadOnlyList<ColumnSpec> Notices { get; } =
    [
        new("zwgk/tzgg", "通知公告", ColumnClass.Notice, TitleSource.Notice),
        new("zwgk/gsgg", "公示公告", ColumnClass.Notice, TitleSource.Notice),
    ];

    public static IReadOnlyList<ColumnSpec> Policies { get; } =
    [
        new("zwgk/zcwj", "政策文件", ColumnClass.Policy, TitleSource.Policy),
        new("zwgk/zcjd", "政策解读", ColumnClass.Policy, TitleSource.Interpretation),
        new("zwgk/gfxwj", "规范性文件", ColumnClass.Policy, TitleSource.Policy),
    ];

    public static ColumnSpec Personnel { get; } = new("zwgk/rsxx", "人事信息", ColumnClass.Personnel, TitleSource.Personnel);

    public static ColumnSpec Plans { get; } = new("zwgk/ghjh", "规划计划", ColumnClass.Plan, TitleSource.Plan);

    public static ColumnSpec About { get; } = new("zwgk/jggk", "机构概况", ColumnClass.Static, TitleSource.Static);

    public static IReadOnlyList<ColumnSpec> Others { get; } =
    [
        new("zwgk/tjsj", "统计数据", ColumnClass.Other, TitleSource.Other),
        new("zwgk/czzj", "财政资金", ColumnClass.Other, TitleSource.Other),
        new("zwgk/ndbg", "政府信息公开年报", ColumnClass.Other, TitleSource.AnnualReport),
    ];

    public static IReadOnlyList<ColumnSpec> Consultations { get; } =
    [
        new("hdjl/zwzx", "政务咨询", ColumnClass.Interaction, TitleSource.Message, Consultation: true, Messages: true),
        new("hdjl/ldxx", "领导信箱", ColumnClass.Interaction, TitleSource.Message, Consultation: true, Messages: true),
    ];

    /// <summary>Channels that the national check does not count as consultation (信访, 纪检举报, 访谈, 征集).</summary>
    public static IReadOnlyList<ColumnSpec> OtherInteraction { get; } =
    [
        new("hdjl/zxft", "在线访谈", ColumnClass.Interaction, TitleSource.Interview),
        new("hdjl/dczj", "调查征集", ColumnClass.Interaction, TitleSource.Interview),
    ];

    public static IReadOnlyList<ColumnSpec> Petitions { get; } =
    [
        new("hdjl/wsxf", "网上信访", ColumnClass.Interaction, TitleSource.Message, Messages: true),
        new("hdjl/jjjb", "纪检举报", ColumnClass.Interaction, TitleSource.Message, Messages: true),
    ];
}
