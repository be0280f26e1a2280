using GovEval.Core.Errors;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Tables;

namespace GovEval.Tests.Results;

/// <summary>Bad rows of a scores table are refused with file:row:column, every problem at once.</summary>
public sealed class ScoresTableTests
{
    private static readonly UnitRegistry Registry = UnitRegistry.ForYear(2020);

    private static Release Publish(string csv, params string[] cohorts) =>
        new ReleaseBuilder(TestFrameworks.WebsitePerformance2020(), Registry, cohorts.Select(Registry.Cohort))
            .FromTotals(TableReader.ReadCsv(new StringReader(csv), "scores.csv"), null, new ReleaseOptions(2020, "scores.csv"));

    private static InputException Refused(string csv, params string[] cohorts) =>
        Assert.Throws<InputException>(() => Publish(csv, cohorts.Length == 0 ? ["ministry-constituent"] : cohorts));

    [Fact]
    public void Units_are_found_by_code_full_name_or_short_name()
    {
        var release = Publish("unit,total\nSC020,95\n国家卫生健康委员会,90\n水利部,85\n", "ministry-constituent");

        var top = release.Cohorts.Single().Top;
        Assert.Equal(["商务部", "卫生健康委", "水利部"], top.SelectMany(g => g.Units).Select(u => u.Unit.Short));
    }

    [Fact]
    public void An_unknown_unit_names_file_row_and_column()
    {
        var error = Refused("unit,total\n商务部,95\n宇宙部,90\n");

        Assert.Equal("scores.csv:3:unit", error.Location);
        Assert.Contains("unknown unit '宇宙部'", error.Message);
    }

    [Fact]
    public void A_name_two_members_share_is_ambiguous()
    {
        var error = Refused("unit,total\n朝阳区,70\n", "county");

        Assert.Equal("scores.csv:2:unit", error.Location);
        Assert.Contains("ambiguous", error.Message);
        Assert.Contains("110105 北京朝阳区", error.Message);
        Assert.Contains("220104 长春朝阳区", error.Message);
    }

    [Fact]
    public void Rows_of_units_outside_the_published_cohorts_are_left_out()
    {
        var release = Publish("unit,total\n浙江省,95\n商务部,93\n福建省,not-checked\n", "ministry-constituent");

        var assessed = release.Cohorts.Single().Units.Where(u => u.Assessed).Select(u => u.Unit.Code);
        Assert.Equal(["SC020"], assessed);
    }

    [Theory]
    [InlineData("八十")]
    [InlineData("85,5")]
    [InlineData("1e2")]
    public void A_total_that_is_not_a_number_names_its_cell(string total)
    {
        var error = Refused($"unit,total\n商务部,95\n水利部,\"{total}\"\n");

        Assert.Equal("scores.csv:3:total", error.Location);
        Assert.Contains("not a number", error.Message);
    }

    [Fact]
    public void A_total_beyond_the_frameworks_range_is_refused()
    {
        var error = Refused("unit,total\n商务部,120\n");

        Assert.Equal("scores.csv:2:total", error.Location);
        Assert.Contains("0–100", error.Message);
    }

    [Fact]
    public void A_unit_given_twice_under_two_names_is_a_duplicate()
    {
        var error = Refused("unit,total\n商务部,95\nSC001,90\nSC020,80\n");

        Assert.Equal("scores.csv:4:unit", error.Location);
        Assert.Contains("SC020 商务部 already has a score at row 2", error.Message);
    }

    [Fact]
    public void Every_bad_row_is_reported_together()
    {
        var error = Refused("unit,total\n宇宙部,95\n商务部,abc\n水利部,\n");

        Assert.Equal(["scores.csv:2:unit", "scores.csv:3:total", "scores.csv:4:total"], error.Problems.Select(p => p.Location));
    }

    [Fact]
    public void A_missing_column_names_the_header_row()
    {
        var error = Refused("unit,points\n商务部,95\n");

        Assert.Equal("scores.csv:1", error.Location);
        Assert.Contains("missing column 'total'", error.Message);
    }

    [Fact]
    public void Vetoed_column_takes_yes_or_no_and_refuses_anything_else()
    {
        var release = Publish("unit,total,vetoed\n商务部,95,是\n水利部,90,否\n", "ministry-constituent");
        Assert.True(release.Cohorts.Single().Units.Single(u => u.Unit.Short == "商务部").Vetoed);
        Assert.Equal("水利部", release.Cohorts.Single().Top.Single().Units.Single().Unit.Short);

        var error = Refused("unit,total,vetoed\n商务部,95,maybe\n");
        Assert.Equal("scores.csv:2:vetoed", error.Location);
    }

    [Fact]
    public void A_grade_column_needs_a_framework_with_grades()
    {
        var error = Refused("unit,total,grade\n商务部,95,优秀\n");

        Assert.Equal("scores.csv:1:grade", error.Location);
    }

    [Fact]
    public void Row_order_does_not_change_the_results_under_official_tie_order()
    {
        var rows = new[] { "商务部,90", "水利部,90", "科技部,95", "教育部,80", "外交部,90" };

        var forward = Publish("unit,total\n" + string.Join("\n", rows), "ministry-constituent");
        var backward = Publish("unit,total\n" + string.Join("\n", rows.Reverse()), "ministry-constituent");

        static string Shape(Release r) => string.Join(" | ", r.Cohorts.Single().Units.Select(u => $"{u.Rank}:{u.Unit.Code}"));
        Assert.Equal(Shape(forward), Shape(backward));
        Assert.StartsWith("1:SC005 | 2:SC001 | 2:SC018 | 2:SC020 | 3:SC004", Shape(forward));
    }
}
