using GovEval.Core.Errors;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Tables;

namespace GovEval.Tests.Results;

public sealed class ReleaseBuilderTests
{
    private static readonly UnitRegistry Registry = UnitRegistry.ForYear(2020);

    private static Table Csv(string text, string source = "scores.csv") => TableReader.ReadCsv(new StringReader(text), source);

    [Fact]
    public void Members_without_a_score_are_listed_as_not_assessed()
    {
        var release = new ReleaseBuilder(TestFrameworks.WebsitePerformance2020(), Registry, [Registry.Cohort("municipality")])
            .FromTotals(Csv("unit,total\n上海市,90\n北京市,91\n"), null, new ReleaseOptions(2020, "scores.csv"));

        var cohort = release.Cohorts.Single();
        Assert.Equal(["天津市", "重庆市"], cohort.NotAssessed.Select(u => u.Unit.Short));
        Assert.Equal(["北京市", "上海市", "天津市", "重庆市"], cohort.Units.Select(u => u.Unit.Short));
        Assert.Equal([1, 2], cohort.Units.Where(u => u.Rank is not null).Select(u => u.Rank!.Value));
        Assert.Null(release.PreviousYear);
        Assert.Empty(release.Transitions);
        Assert.Null(release.Framework.EngineVersion);
    }

    [Fact]
    public void Last_years_totals_give_rank_changes()
    {
        var release = new ReleaseBuilder(TestFrameworks.WebsitePerformance2020(), Registry, [Registry.Cohort("municipality")])
            .FromTotals(
                Csv("unit,total\n北京市,93.5\n上海市,92.8\n重庆市,90.1\n天津市,88\n"),
                Csv("unit,total\n北京市,90\n上海市,91\n天津市,89\n", "scores-2019.csv"),
                new ReleaseOptions(2020, "scores.csv"));

        Assert.Equal(
            ["北京市 2→1 (+1)", "上海市 1→2 (-1)", "重庆市 -→3 ()", "天津市 3→4 (-1)"],
            release.RankChanges.Select(c => $"{c.Unit.Short} {c.Before?.ToString() ?? "-"}→{c.After} ({(c.Delta is > 0 ? "+" : "")}{c.Delta})"));
        Assert.Equal(2019, release.PreviousYear);
        Assert.Empty(release.Transitions);
    }

    [Fact]
    public void A_graded_cohort_needs_a_framework_with_grades()
    {
        var error = Assert.Throws<InputException>(() => new ReleaseBuilder(TestFrameworks.WebsitePerformance2020(), Registry, [Registry.Cohort("provincial")]));

        Assert.Equal("--cohort", error.Location);
        Assert.Contains("provincial", error.Message);
    }

    [Fact]
    public void Titles_come_from_the_framework_or_the_options()
    {
        var builder = new ReleaseBuilder(TestFrameworks.Capability2020(), Registry, [Registry.Cohort("provincial")]);
        var table = Csv("unit,total\n北京市,90\n");

        Assert.Equal("2020年数字政府服务能力评估结果", builder.FromTotals(table, null, new ReleaseOptions(2020, "r")).Title);
        Assert.Equal("试评估", builder.FromTotals(table, null, new ReleaseOptions(2020, "r", Title: "试评估")).Title);
        Assert.Equal("{label}数字政府服务能力{grade}", builder.FromTotals(table, null, new ReleaseOptions(2020, "r")).GradeListTitle);
    }

    [Fact]
    public void Sheets_give_grades_as_the_engine_decided_them_and_statistics_for_marked_indicators()
    {
        var framework = TestFrameworks.Capability2020(
            TestFrameworks.Leaf("data-office", "政务数据统筹管理机构", 5m, statistic: "明确了政务数据统筹管理机构"),
            TestFrameworks.Leaf("service", "服务", 105m));
        var provincial = Registry.Members(Registry.Cohort("provincial"));
        var keyCities = Registry.Members(Registry.Cohort("key-city"));
        var sheets = provincial.Select((u, i) => TestSheets.Capability(u.Code, 70m, "发展", dataOffice: i < 23))
            .Concat(keyCities.Select((u, i) => TestSheets.Capability(u.Code, 88m, "优秀", dataOffice: i < 31)))
            .Append(TestSheets.Capability("SC001", 99m, "优秀", dataOffice: true)) // not in these cohorts: left out
            .ToList();

        var release = new ReleaseBuilder(framework, Registry, [Registry.Cohort("provincial"), Registry.Cohort("key-city")])
            .FromSheets(sheets, null, new ReleaseOptions(2020, "run-7"));

        Assert.Equal("23个省级（占比71.9%）和31个重点城市（占比96.9%）明确了政务数据统筹管理机构", release.Statistics.Single().Sentence);
        Assert.Equal(64, release.Sheets.Count);
        Assert.False(release.Sheets.ContainsKey("SC001"));
        Assert.Equal("engine-1", release.Framework.EngineVersion);
        Assert.All(release.Cohorts.Single(c => c.Cohort.Id == "provincial").Units, u => Assert.Equal("发展", u.Grade));
        Assert.Equal("run-7", release.Run);
    }

    [Fact]
    public void Previous_sheets_give_movements()
    {
        var registry = Registry;
        var provincial = registry.Members(registry.Cohort("provincial"));
        var now = provincial.Select((u, i) => TestSheets.Capability(u.Code, i < 3 ? 90m : 70m, i < 3 ? "优秀" : "发展", false)).ToList();
        var before = provincial.Select((u, i) => TestSheets.Capability(u.Code, i < 1 ? 90m : 70m, i < 1 ? "优秀" : "发展", false)).ToList();

        var release = new ReleaseBuilder(TestFrameworks.Capability2020(), registry, [registry.Cohort("provincial")])
            .FromSheets(now, before, new ReleaseOptions(2020, "run-8", PreviousYear: 2019));

        Assert.Equal(["优秀级：由1个上升至3个，其中2个发展级升至优秀级", "发展级：减少至29个"], release.Transitions[0].Sentences);
        Assert.Equal(["all", "provincial"], release.Transitions.Select(t => t.Scope));
    }

    [Fact]
    public void Sheets_of_another_framework_are_refused()
    {
        var sheet = TestSheets.Capability("110000", 90m, "优秀", false) with { FrameworkId = "gov-website-check-2019" };

        var error = Assert.Throws<InputException>(() => new ReleaseBuilder(TestFrameworks.Capability2020(), Registry, [Registry.Cohort("provincial")])
            .FromSheets([sheet], null, new ReleaseOptions(2020, "run")));

        Assert.Contains("gov-website-check-2019", error.Message);
    }

    [Fact]
    public void Input_tie_order_follows_the_order_of_the_sheets()
    {
        var cohort = Registry.Cohort("municipality") with { TieOrder = TieOrder.Input };
        var sheets = new[] { "500000", "110000", "310000", "120000" }
            .Select(code => TestSheets.Capability(code, 80m, null, false) with { FrameworkId = "gov-website-performance-2020" })
            .ToList();

        var release = new ReleaseBuilder(TestFrameworks.WebsitePerformance2020(), Registry, [cohort]).FromSheets(sheets, null, new ReleaseOptions(2020, "run"));

        Assert.Equal(["重庆市", "北京市", "上海市", "天津市"], release.Cohorts.Single().Top.Single().Units.Select(u => u.Unit.Short));
    }

    [Fact]
    public void A_unit_scored_twice_in_a_run_is_refused()
    {
        var sheet = TestSheets.Capability("110000", 90m, "优秀", false);
        var builder = new ReleaseBuilder(TestFrameworks.Capability2020(), Registry, [Registry.Cohort("provincial")]);

        Assert.Equal("--run", Assert.Throws<InputException>(() => builder.FromSheets([sheet, sheet], null, new ReleaseOptions(2020, "run"))).Location);
        Assert.Equal("--compare", Assert.Throws<InputException>(() => builder.FromSheets([sheet], [sheet, sheet], new ReleaseOptions(2020, "run"))).Location);
    }
}
