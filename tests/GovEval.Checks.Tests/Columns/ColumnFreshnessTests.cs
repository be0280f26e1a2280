using GovEval.Checks.Columns;
using GovEval.Checks.Tests.Support;

namespace GovEval.Checks.Tests.Columns;

/// <summary>What the report's <c>columns</c> and <c>homepage</c> measurements are read from.</summary>
public sealed class ColumnFreshnessTests
{
    private const string H = FixtureCase.Home;

    [Fact]
    public void Reads_columns_with_url_name_class_items_and_latest()
    {
        var fixture = FixtureCase.Load("freshness", "every-class");
        var columns = SiteColumns.Of(fixture.Observation, new CheckContext(ShippedRules.Options));

        // Every navigation column except the 信息公开指南 article and 办事服务 (and 政务咨询, not fetched and so unknown).
        var byUrl = columns.ToDictionary(c => c.Url);
        Assert.Equal(
            ["政务要闻", "部门动态", "通知公告", "政策文件", "人事信息", "规划计划", "机构概况", "统计数据", "政务咨询"],
            columns.Select(c => c.Name));
        var news = byUrl[H + "xwzx/zwyw/index.html"];
        Assert.Equal((ColumnClass.News, 2, new DateOnly(2020, 11, 27), ColumnStatus.Read), (news.Class, news.Items, news.Latest, news.Status));
        Assert.Equal(new DateOnly(2020, 11, 9), byUrl[H + "xwzx/bmdt/index.html"].Latest);
        Assert.Equal(new DateOnly(2020, 5, 20), byUrl[H + "zwgk/tzgg/index.html"].Latest);
        Assert.Equal(new DateOnly(2020, 6, 10), byUrl[H + "zwgk/zcwj/index.html"].Latest);
        Assert.Equal(new DateOnly(2019, 11, 10), byUrl[H + "zwgk/rsxx/index.html"].Latest);
        Assert.True(byUrl[H + "zwgk/ghjh/index.html"].Blank);
        Assert.Equal(ColumnClass.Static, byUrl[H + "zwgk/jggk/index.html"].Class);
        Assert.Equal(ColumnClass.Other, byUrl[H + "zwgk/tjsj/index.html"].Class);
        Assert.Equal(ColumnStatus.NotFetched, byUrl[H + "hdjl/zwzx/index.html"].Status);
    }

    [Fact]
    public void Pages_of_one_list_are_one_column_named_by_its_first_page()
    {
        var fixture = FixtureCase.Load("freshness", "scripted-and-paged-lists");
        var columns = SiteColumns.Of(fixture.Observation, new CheckContext(ShippedRules.Options));
        var notices = Assert.Single(columns, c => c.Name == "通知公告");
        Assert.Equal(H + "zwgk/tzgg/index.html", notices.Url);
        Assert.Equal(2, notices.Items);
        Assert.Equal(2, notices.ListPages.Count);
        Assert.Equal(new DateOnly(2020, 3, 2), notices.Latest); // from the item's PubDate: the list shows none

        var scripted = Assert.Single(columns, c => c.Name == "部门动态");
        Assert.Equal((2, new DateOnly(2020, 11, 25)), (scripted.Items, scripted.Latest));
    }

    [Fact]
    public void Homepage_counts_distinct_dated_items_and_ignores_footer_dates()
    {
        var fixture = FixtureCase.Load("freshness", "every-class");
        var homepage = HomepageItems.Of(fixture.Observation, new CheckContext(ShippedRules.Options));
        Assert.Equal((true, false, new DateOnly(2020, 11, 27), 3, 5), (homepage.Measured, homepage.NavigationOnly, homepage.Latest, homepage.ItemsInWindow, homepage.Items.Count));
    }

    [Fact]
    public void Finds_sub_columns_by_breadcrumb_and_keeps_query_lists_apart()
    {
        var fixture = FixtureCase.Load("freshness", "real-site-structure");
        var columns = SiteColumns.Of(fixture.Observation, new CheckContext(ShippedRules.Options)).ToDictionary(c => c.Url);

        var notices = columns[H + "zwgk/tzgg/list.html"];
        Assert.Equal(("通知公告", ColumnClass.Notice, 3), (notices.Name, notices.Class, notices.Items));
        var work = columns[H + "list.jsp?catid=5"];
        Assert.Equal((2, new DateOnly(2020, 10, 20)), (work.Items, work.Latest));
        var local = columns[H + "list.jsp?catid=6"];
        Assert.Equal((1, new DateOnly(2020, 11, 25)), (local.Items, local.Latest));
        Assert.Equal(ColumnClass.Other, columns[H + "zwgk/index.html"].Class);
    }
}
