using GovEval.Checks.Columns;
using GovEval.Checks.Freshness;
using GovEval.Checks.Tests.Support;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;

namespace GovEval.Checks.Tests.Columns;

/// <summary>
/// The shipped provincial variant (gov-website-check-province-quarterly-2026) wants news columns updated within 10
/// days, the national check within 2 weeks: one news column 12 days old is judged by each framework's own number.
/// </summary>
public sealed class ProvinceNewsPeriodTests
{
    private const string Province = "gov-website-check-province-quarterly-2026";
    private const string Column = FixtureCase.Home + "xwzx/bmdt/index.html";

    [Fact]
    public void A_news_column_12_days_old_is_stale_in_the_province_and_fresh_in_the_national_check()
    {
        // 部门动态's newest item is dated 2020-11-09; on 2020-11-21 it is 12 days old.
        var fixture = FixtureCase.Load("freshness", "every-class");
        var observation = fixture.Observation with { Now = new DateTimeOffset(2020, 11, 21, 10, 0, 0, TimeSpan.FromHours(8)) };
        var column = SiteColumns.Of(observation, new CheckContext(ShippedRules.Options)).Single(c => c.Url == Column);
        Assert.Equal(ColumnClass.News, column.Class);
        Assert.Equal(12, ColumnFreshness.Today(observation).DayNumber - column.Latest!.Value.DayNumber);

        var national = new UpdateChecks().Run(observation, new CheckContext(ShippedRules.Options));
        var province = new UpdateChecks().Run(observation, new CheckContext(CheckOptions.From(FrameworkCatalog.Get(Province))));

        Assert.DoesNotContain(national.Findings, f => f.Rule == UpdateChecks.ColumnRule && f.Url == Column);
        var stale = Assert.Single(province.Findings, f => f.Rule == UpdateChecks.ColumnRule && f.Url == Column);
        Assert.Contains("超过10天未更新", stale.Message);
        Assert.Equal(national.Measurements["columns.stale"] + 1, province.Measurements["columns.stale"]);
    }
}
