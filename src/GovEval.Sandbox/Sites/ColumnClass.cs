namespace GovEval.Sandbox.Sites;

/// <summary>Column classes of DESIGN.md's report contract, with the update periods of the national check.</summary>
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
    public static string Id(this ColumnClass c) => c.ToString().ToLowerInvariant();

    /// <summary>
    /// The oldest latest-item date that still counts as updated under the national check (动态/要闻 2 weeks,
    /// 通知公告/政策文件 6 months, 人事/规划计划 1 year, as its framework states them); null for classes the check does not date.
    /// </summary>
    public static DateOnly? FreshSince(this ColumnClass c, DateOnly today) => c.FreshSince(today, Truth.NationalRules.Checks);

    /// <summary>The oldest latest-item date that still counts as updated under these rule numbers.</summary>
    public static DateOnly? FreshSince(this ColumnClass c, DateOnly today, Core.Frameworks.CheckParameters rules) => c switch
    {
        ColumnClass.News => today.AddDays(-rules.NewsPeriodDays),
        ColumnClass.Notice or ColumnClass.Policy => today.AddMonths(-rules.NoticePolicyPeriodMonths),
        ColumnClass.Personnel or ColumnClass.Plan => today.AddMonths(-rules.PersonnelPlanPeriodMonths),
        _ => null,
    };
}
