using GovEval.Core.Registry;
using GovEval.Core.Results;

namespace GovEval.Tests.Results;

public sealed class CohortRankerTests
{
    private static readonly GradeScale Capability = GradeScale.Of(TestFrameworks.Capability2020());

    private static string Listing(CohortResults results) =>
        string.Join(" | ", results.Ranks.Select(g => $"{g.Rank}:{string.Join(",", g.Units.Select(u => u.Unit.Code))}"));

    [Fact]
    public void Equal_totals_share_a_rank_and_the_next_rank_is_not_skipped()
    {
        var units = TestUnits.Make(4);
        var results = CohortRanker.Rank(TestUnits.Ranked(), units, TestUnits.Scores(units, (1, 90m, false), (2, 90m, false), (3, 85m, false), (4, 80m, false)), GradeScale.None);

        Assert.Equal("1:U1,U2 | 2:U3 | 3:U4", Listing(results));
        Assert.Equal([1, 1, 2, 3], results.Units.Select(u => u.Rank!.Value));
    }

    [Fact]
    public void Totals_are_compared_after_rounding_to_the_cohorts_precision_half_away_from_zero()
    {
        var units = TestUnits.Make(4);
        var scores = TestUnits.Scores(units, (1, 92.04m, false), (2, 91.96m, false), (3, 88.05m, false), (4, 88.14m, false));

        var oneDecimal = CohortRanker.Rank(TestUnits.Ranked(precision: 1), units, scores, GradeScale.None);
        var twoDecimals = CohortRanker.Rank(TestUnits.Ranked(precision: 2), units, scores, GradeScale.None);
        var whole = CohortRanker.Rank(TestUnits.Ranked(precision: 0), units, scores, GradeScale.None);

        // 88.05 → 88.1 (banker's rounding would give 88.0 and split the tie with 88.14 → 88.1).
        Assert.Equal("1:U1,U2 | 2:U3,U4", Listing(oneDecimal));
        Assert.Equal([92.0m, 92.0m, 88.1m, 88.1m], oneDecimal.Units.Select(u => u.Total!.Value));
        Assert.Equal("1:U1 | 2:U2 | 3:U4 | 4:U3", Listing(twoDecimals));
        Assert.Equal("1:U1,U2 | 2:U3,U4", Listing(whole));
    }

    [Theory]
    [InlineData(TieOrder.Official, "U1,U2,U3")]
    [InlineData(TieOrder.Input, "U3,U1,U2")]
    public void Ties_are_listed_in_the_cohorts_tie_order(TieOrder order, string expected)
    {
        var units = TestUnits.Make(3);
        var scores = TestUnits.Scores(units, (3, 70m, false), (1, 70m, false), (2, 70m, false));

        var results = CohortRanker.Rank(TestUnits.Ranked(tieOrder: order), units, scores, GradeScale.None);

        Assert.Equal(expected, string.Join(",", results.Ranks.Single().Units.Select(u => u.Unit.Code)));
    }

    [Fact]
    public void Code_tie_order_ignores_the_official_sequence()
    {
        var units = new[]
        {
            new Unit("B2", "乙", "乙", UnitLevel.Central, "state-council-body", null, 1, []),
            new Unit("A9", "甲", "甲", UnitLevel.Central, "state-council-body", null, 2, []),
        };
        var scores = new Dictionary<string, UnitScore> { ["B2"] = new(units[0], 60m, false, null, 0), ["A9"] = new(units[1], 60m, false, null, 1) };

        var results = CohortRanker.Rank(TestUnits.Ranked(tieOrder: TieOrder.Code), units, scores, GradeScale.None);

        Assert.Equal(["A9", "B2"], results.Ranks.Single().Units.Select(u => u.Unit.Code));
    }

    [Fact]
    public void Vetoed_and_unscored_units_are_not_ranked_and_come_last()
    {
        var units = TestUnits.Make(5);
        var scale = GradeScale.Of(TestFrameworks.WebsiteCheck2019());
        var scores = TestUnits.Scores(units, (2, 99m, true), (3, 70m, false), (5, 85m, false));

        var results = CohortRanker.Rank(TestUnits.Ranked(), units, scores, scale);

        Assert.Equal("1:U5 | 2:U3", Listing(results));
        Assert.Equal(["U5", "U3", "U2", "U1", "U4"], results.Units.Select(u => u.Unit.Code));
        var vetoed = results.Units.Single(u => u.Unit.Code == "U2");
        Assert.Null(vetoed.Rank);
        Assert.Equal("不合格", vetoed.Grade);
        Assert.Equal(["U1", "U4"], results.NotAssessed.Select(u => u.Unit.Code));
        Assert.All(results.NotAssessed, u => Assert.False(u.Assessed));
        Assert.All(results.NotAssessed, u => Assert.Null(u.Total));
        Assert.Equal("不合格", results.Units.Single(u => u.Unit.Code == "U3").Grade);
        Assert.Equal("合格", results.Units.Single(u => u.Unit.Code == "U5").Grade);
    }

    [Fact]
    public void Top_holds_ranks_one_to_n_even_when_that_is_more_than_n_units()
    {
        var units = TestUnits.Make(6);
        var scores = TestUnits.Scores(units, (1, 95m, false), (2, 90m, false), (3, 90m, false), (4, 90m, false), (5, 80m, false), (6, 70m, false));

        var results = CohortRanker.Rank(TestUnits.Ranked(top: 2), units, scores, GradeScale.None);

        Assert.Equal([1, 2], results.Top.Select(g => g.Rank));
        Assert.Equal(4, results.Top.Sum(g => g.Units.Count));
        Assert.False(results.TopIsComplete);
        Assert.True(CohortRanker.Rank(TestUnits.Ranked(top: 4), units, scores, GradeScale.None).TopIsComplete);
    }

    [Fact]
    public void Graded_cohorts_list_grades_best_first_in_official_order_without_ranks()
    {
        var units = TestUnits.Make(6);
        var scores = TestUnits.Scores(units, (6, 95m, false), (2, 50m, false), (4, 86m, false), (1, 76m, false), (3, 60m, false), (5, 84.95m, false));

        var results = CohortRanker.Rank(TestUnits.Graded(), units, scores, Capability);

        Assert.Empty(results.Ranks);
        Assert.All(results.Units, u => Assert.Null(u.Rank));
        Assert.Equal(
            ["优秀级:U4,U5,U6", "良好级:U1", "发展级:U3", "起步级:U2"],
            results.Grades.Select(g => $"{g.Label}:{string.Join(",", g.Units.Select(u => u.Unit.Code))}"));
        Assert.Equal(["U4", "U5", "U6", "U1", "U3", "U2"], results.Units.Select(u => u.Unit.Code));
    }

    [Fact]
    public void A_stated_grade_is_published_as_stated()
    {
        var units = TestUnits.Make(1);
        var scores = new Dictionary<string, UnitScore> { ["U1"] = new(units[0], 90m, false, "良好", 0) };

        var results = CohortRanker.Rank(TestUnits.Graded(), units, scores, Capability);

        Assert.Equal("良好", results.Units.Single().Grade);
    }
}
