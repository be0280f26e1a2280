namespace GovEval.Checks.Columns;

/// <summary>The column classes of report.json (DESIGN.md); the rules give each dated class an update period.</summary>
public enum ColumnClass
{
    News,
    Notice,
    Policy,
    Personnel,
    Plan,
    Static,
    Interaction,
    Other,
}

public static class ColumnClasses
{
    /// <summary>The id report.json uses (news, notice, policy…).</summary>
    public static string Id(this ColumnClass c) => c.ToString().ToLowerInvariant();

    public static ColumnClass? Parse(string? id) =>
        Enum.TryParse<ColumnClass>(id?.Trim(), ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(id, out _) ? c : null;

    /// <summary>Classes the rules expect to be updated (动态/要闻, 通知公告/政策文件, 人事, 规划计划).</summary>
    public static bool IsDated(this ColumnClass c) => c is ColumnClass.News or ColumnClass.Notice or ColumnClass.Policy or ColumnClass.Personnel or ColumnClass.Plan;

    /// <summary>The classes veto.columns-stale counts on their own (动态/要闻, 通知公告, 政策文件).</summary>
    public static bool IsCore(this ColumnClass c) => c is ColumnClass.News or ColumnClass.Notice or ColumnClass.Policy;
}
