using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Scoring;

namespace GovEval.Tests.Scoring;

/// <summary>
/// The shipped provincial variant (gov-website-check-province-quarterly-2026): 100 + 25, 办事服务's points shared evenly
/// by the other Part 2 blocks for a unit without external services, scored beside the national check.
/// </summary>
public sealed class ProvinceVariantScoringTests
{
    private static readonly Framework Province = FrameworkCatalog.Get("gov-website-check-province-quarterly-2026");
    private static readonly Framework National = FrameworkCatalog.Get("gov-website-check-2019");

    [Fact]
    public void It_is_worth_100_plus_25_and_redistributes_part2_evenly()
    {
        Assert.Equal(125, Province.Max);
        Assert.Equal(100, Province.Find("part2")!.Points);
        Assert.Equal(25, Province.Find("part3")!.Points);
        Assert.Equal(Redistribution.Even, Province.Find("part2")!.Redistribute);
        Assert.Equal(Redistribution.Proportional, National.Find("part2")!.Redistribute);
        Assert.Equal(National.Find("part2")!.Children.Select(c => (c.Id, c.Points)), Province.Find("part2")!.Children.Select(c => (c.Id, c.Points)));
    }

    [Fact]
    public void A_unit_without_services_gets_the_25_points_of_services_in_equal_shares_not_times_4_3()
    {
        // No site search (search loses its 10) and one stale column (−3 of 信息更新's 25).
        var unit = ScoringInputs.Site().NoExternalServices().With("search.missing", "http://www.example.gov.cn/").With("freshness.column", "http://www.example.gov.cn/xwzx/bmdt/index.html");

        var province = ScoringEngine.Score(Province, unit.Build());
        var national = ScoringEngine.Score(National, unit.Build());

        // Each of the four other blocks gains 25 / 4 = 6.25 points (可用性 26.25, 信息更新 31.25, 互动回应 26.25, 站内搜索 16.25):
        // 26.25 + 22 × 31.25 / 25 + 26.25 + 0 = 80; the national check multiplies 62 of 75 by 4/3: 82.7.
        Assert.Equal(NodeStatus.NotApplicable, province.Node("services")!.Status);
        Assert.Equal((20m, 22m, 0m), (province.Node("availability")!.Earned, province.Node("freshness")!.Earned, province.Node("search")!.Earned));
        Assert.Equal(100m, province.Node("part2")!.Max);
        Assert.Equal(80m, province.Node("part2")!.Earned);
        Assert.Equal(82.7m, Rounding.Round(national.Node("part2")!.Earned, 1));
        Assert.Contains(province.Node("part2")!.Lines, l => l.Text.Contains("平均分配给其余4项（每项增加6.25分）", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bonus_counts_above_80_and_its_leaves_are_capped_at_the_variant_s_points()
    {
        var unit = ScoringInputs.Site().NoExternalServices().With("search.missing", "http://www.example.gov.cn/")
            .With("freshness.column", "http://www.example.gov.cn/xwzx/bmdt/index.html").Input("bonus.services", "5");

        // Part 2 is 80 in the province, not above 80: no bonus. The national 82.7 earns it.
        Assert.Equal(80m, ScoringEngine.Score(Province, unit.Build()).Total);
        Assert.Equal(87.7m, ScoringEngine.Score(National, unit.Build()).Total);

        var clean = ScoringInputs.Site().Input("bonus.disclosure", "8").Input("bonus.services", "7").Input("bonus.interaction", "5").Input("bonus.innovation", "5");
        Assert.Equal(125m, ScoringEngine.Score(Province, clean.Build()).Total);
        var error = Assert.Throws<InputException>(() => ScoringEngine.Score(Province, ScoringInputs.Site().Input("bonus.disclosure", "10").Build()));
        Assert.StartsWith("inputs.csv:2", error.Message);
    }
}
