namespace GovEval.Checks.Columns;

/// <summary>
/// Classifies a column by its name the way the national check groups them. Order matters: 信息公开年报 is not a
/// 公开 notice, 领导信箱 is interaction not 领导信息, 政策解读 is policy.
/// </summary>
public static class ColumnClassifier
{
    private static readonly (ColumnClass Class, string[] Words)[] Table =
    [
        (ColumnClass.Other, ["年报", "年度报告", "统计", "财政", "预决算", "资金", "公开指南", "公开目录", "网站地图", "联系我们"]),
        (ColumnClass.Interaction, ["咨询", "信箱", "信访", "举报", "访谈", "征集", "调查", "互动", "留言", "投诉", "问政", "民意", "建言"]),
        (ColumnClass.Static, ["机构概况", "机构职能", "领导信息", "领导之窗", "领导简介", "机构设置", "内设机构", "组织机构", "单位概况", "部门概况", "概况", "简介"]),
        (ColumnClass.Personnel, ["人事", "任免", "招聘", "招考", "录用"]),
        (ColumnClass.Plan, ["规划", "计划"]),
        (ColumnClass.Notice, ["通知", "公告", "公示"]),
        (ColumnClass.Policy, ["政策", "文件", "法规", "规章", "解读"]),
        (ColumnClass.News, ["动态", "要闻", "新闻", "资讯", "媒体", "快讯", "图片", "工作信息"]),
    ];

    public static ColumnClass Classify(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return ColumnClass.Other;
        }

        foreach (var (cls, words) in Table)
        {
            if (words.Any(w => name.Contains(w, StringComparison.Ordinal)))
            {
                return cls;
            }
        }

        return ColumnClass.Other;
    }

    /// <summary>
    /// A 政务咨询-type channel (政务咨询, 领导信箱, 咨询投诉…): the consultation the rules ask for. 信访, 纪检举报,
    /// 在线访谈 and 调查征集 are interaction but not consultation.
    /// </summary>
    public static bool IsConsultation(string? name) =>
        name is not null
        && ConsultationWords.Any(w => name.Contains(w, StringComparison.Ordinal))
        && !NotConsultationWords.Any(w => name.Contains(w, StringComparison.Ordinal));

    private static readonly string[] ConsultationWords = ["咨询", "信箱", "留言", "问政", "投诉", "民意", "诉求"];

    private static readonly string[] NotConsultationWords = ["信访", "举报", "访谈", "征集", "调查"];

    /// <summary>办事服务 pages (not a column of articles).</summary>
    public static bool IsServices(string? name) =>
        name is not null && ServiceWords.Any(w => name.Contains(w, StringComparison.Ordinal));

    private static readonly string[] ServiceWords = ["办事服务", "网上办事", "政务服务", "在线办事", "办事大厅"];
}
