using System.Globalization;
using GovEval.Checks.Columns;
using GovEval.Core.Observations;

namespace GovEval.Checks.Freshness;

/// <summary>
/// Whether the site is kept up to date: freshness.homepage and veto.homepage-stale from the homepage's dated
/// items (<see cref="HomepageItems"/>: a navigation-only homepage's are its second-level pages'), freshness.column and columns.blank from each dated-class column's newest item, veto.columns-stale
/// from their counts. A column the scanner could not read is not measured, never stale.
/// </summary>
public sealed class UpdateChecks : ICheckFamily
{
    public const string HomepageRule = "freshness.homepage";
    public const string HomepageVeto = "veto.homepage-stale";
    public const string ColumnRule = "freshness.column";
    public const string BlankRule = "columns.blank";
    public const string ColumnsVeto = "veto.columns-stale";

    public IReadOnlyList<string> Rules { get; } = [HomepageRule, HomepageVeto, ColumnRule, BlankRule, ColumnsVeto];

    public CheckResult Run(SiteObservation observation, CheckContext context)
    {
        var findings = new List<Finding>();
        var notMeasured = new List<NotMeasured>();
        var measurements = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var options = context.Options;
        var today = ColumnFreshness.Today(observation);
        var home = observation.Homepage;
        var columns = SiteColumns.Of(observation, context);

        // The finding, the measurement the framework scores and the report read the same items.
        var homepage = HomepageItems.Of(observation, context);
        if (!homepage.Measured)
        {
            notMeasured.Add(new NotMeasured(HomepageRule, "首页未能获取"));
            notMeasured.Add(new NotMeasured(HomepageVeto, "首页未能获取"));
        }
        else
        {
            var fresh = homepage.ItemsInWindow;
            measurements["homepage.itemsLast2Weeks"] = fresh;
            var latest = homepage.Latest is { } l ? l.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "无";
            var where = homepage.NavigationOnly ? "首页仅有导航，二级页面" : "首页";
            if (fresh < options.HomepageMinNewItems)
            {
                findings.Add(new Finding(HomepageRule, Severity.Deduction, home, home,
                    $"{where}近{options.HomepageWindowDays}天更新{fresh}条（少于{options.HomepageMinNewItems}条，最新{latest}）"));
            }

            if (fresh == 0)
            {
                findings.Add(new Finding(HomepageVeto, Severity.Veto, home, home,
                    $"{where}超过{options.HomepageWindowDays}天未更新（最新{latest}）"));
            }
        }

        int staleCore = 0, stale = 0, blank = 0;
        foreach (var column in columns.Where(c => c.Class.IsDated()))
        {
            if (column.Status == ColumnStatus.NotFetched)
            {
                notMeasured.Add(new NotMeasured(ColumnRule, $"栏目“{column.Name}”列表页未能获取：{column.Url}"));
                continue;
            }

            if (column.Status != ColumnStatus.Read)
            {
                continue; // a list page the site fails to serve is a broken link (Links), not a dated column
            }

            if (column.Undetermined)
            {
                notMeasured.Add(new NotMeasured(ColumnRule, $"栏目“{column.Name}”的条目无法确定发布日期：{column.Url}"));
                continue;
            }

            if (column.Blank)
            {
                blank++;
                findings.Add(new Finding(BlankRule, Severity.Deduction, column.Url, home, $"栏目“{column.Name}”为空白栏目（暂无信息）"));
                continue;
            }

            var since = FreshSince(column.Class, today, options);
            if (column.Latest is not { } newest || newest < since)
            {
                stale++;
                staleCore += column.Class.IsCore() ? 1 : 0;
                var shown = column.Latest is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "无日期";
                findings.Add(new Finding(ColumnRule, Severity.Deduction, column.Url, home,
                    $"栏目“{column.Name}”超过{Period(column.Class, options)}未更新（最新{shown}）"));
            }
        }

        if (staleCore >= options.VetoStaleCoreColumns || stale >= options.VetoStaleColumns || blank >= options.VetoBlankColumns)
        {
            findings.Add(new Finding(ColumnsVeto, Severity.Veto, home, home,
                $"栏目不更新：动态要闻、通知公告、政策文件类未及时更新{staleCore}个，应更新未更新栏目{stale}个，空白栏目{blank}个"));
        }

        measurements["columns.stale"] = stale;
        measurements["columns.blank"] = blank;
        return new CheckResult(findings, measurements, notMeasured);
    }

    /// <summary>The oldest newest-item date that still counts as updated for the class.</summary>
    public static DateOnly FreshSince(ColumnClass cls, DateOnly today, CheckOptions options) => cls switch
    {
        ColumnClass.News => today.AddDays(-options.NewsPeriodDays),
        ColumnClass.Notice or ColumnClass.Policy => today.AddMonths(-options.NoticePolicyPeriodMonths),
        _ => today.AddMonths(-options.PersonnelPlanPeriodMonths),
    };

    private static string Period(ColumnClass cls, CheckOptions options) => cls switch
    {
        ColumnClass.News => $"{options.NewsPeriodDays}天",
        ColumnClass.Notice or ColumnClass.Policy => $"{options.NoticePolicyPeriodMonths}个月",
        _ => options.PersonnelPlanPeriodMonths % 12 == 0 ? $"{options.PersonnelPlanPeriodMonths / 12}年" : $"{options.PersonnelPlanPeriodMonths}个月",
    };
}
