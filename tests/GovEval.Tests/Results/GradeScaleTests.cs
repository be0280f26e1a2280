using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Results;

namespace GovEval.Tests.Results;

public sealed class GradeScaleTests
{
    private static readonly GradeScale Capability = GradeScale.Of(TestFrameworks.Capability2020());

    [Theory]
    [InlineData("110", "优秀")]
    [InlineData("85", "优秀")]
    [InlineData("84.99", "良好")]
    [InlineData("75", "良好")]
    [InlineData("74.9", "发展")]
    [InlineData("60", "发展")]
    [InlineData("59.9", "起步")]
    [InlineData("0", "起步")]
    public void Bounds_are_inclusive_and_the_lowest_band_catches_the_rest(string total, string grade) =>
        Assert.Equal(grade, Capability.Grade(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture), vetoed: false));

    [Fact]
    public void Bands_listed_in_any_order_are_compared_best_first()
    {
        var scale = new GradeScale([new GradeBand("准备", "准备级", null), new GradeBand("良好", "良好级", 75m), new GradeBand("卓越", "卓越级", 95m), new GradeBand("优秀", "优秀级", 85m), new GradeBand("发展", "发展级", 60m)], null);

        Assert.Equal(["卓越", "优秀", "良好", "发展", "准备"], scale.Order);
        Assert.Equal("卓越", scale.Grade(95m, false));
        Assert.Equal("优秀", scale.Grade(94.9m, false));
    }

    [Fact]
    public void A_vetoed_unit_gets_the_veto_grade_whatever_its_total()
    {
        var scale = GradeScale.Of(TestFrameworks.WebsiteCheck2019());

        Assert.Equal("不合格", scale.Grade(100m, vetoed: true));
        Assert.Equal("合格", scale.Grade(80m, vetoed: false));
    }

    [Fact]
    public void Without_a_floor_band_a_low_total_has_no_grade()
    {
        var scale = new GradeScale([new GradeBand("达标", "达标", 60m)], null);

        Assert.Null(scale.Grade(59m, false));
        Assert.Null(GradeScale.None.Grade(99m, false));
    }

    [Fact]
    public void Grades_are_read_by_name_or_label_and_unknown_ones_name_the_place()
    {
        Assert.Equal("优秀", Capability.Resolve("优秀级"));
        Assert.Equal("优秀", Capability.Resolve(" 优秀 "));
        var error = Assert.Throws<InputException>(() => Capability.Require("卓越级", "grades.csv:4:grade"));
        Assert.Equal("grades.csv:4:grade", error.Location);
        Assert.Contains("优秀 (优秀级)", error.Message);
    }

    [Fact]
    public void Two_unbounded_bands_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new GradeScale([new GradeBand("甲", "甲", null), new GradeBand("乙", "乙", null)], null));
    }
}
