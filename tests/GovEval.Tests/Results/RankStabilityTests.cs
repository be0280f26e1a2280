using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Results.Stability;
using GovEval.Core.Scoring;
using GovEval.Publish.Json;
using GovEval.Tests.Scoring;

namespace GovEval.Tests.Results;

/// <summary>
/// Ranks and grades under other weights (release.stability): reproducible from the seed, centred on the published
/// standing, certain for a unit far ahead, uncertain for a unit on a grade boundary whose score depends on the weights.
/// </summary>
public sealed class RankStabilityTests
{
    [Fact]
    public void The_same_seed_gives_a_byte_identical_release_and_another_seed_other_intervals()
    {
        var framework = StabilityCases.Framework(seed: 7);
        var registry = StabilityCases.Registry(40, CohortResult.Ranked);
        var sheets = StabilityCases.Random(framework, 40, seed: 3);

        var first = Json(StabilityCases.Build(framework, registry, sheets));
        var again = Json(StabilityCases.Build(StabilityCases.Framework(seed: 7), registry, StabilityCases.Random(framework, 40, seed: 3)));
        Assert.Equal(first, again);

        var other = StabilityCases.Framework(seed: 8);
        var reseeded = StabilityCases.Build(other, registry, StabilityCases.Random(other, 40, seed: 3)).Stability;
        var original = StabilityCases.Build(framework, registry, sheets).Stability;
        Assert.True(original.Computed);
        var units = original.Cohorts["test-ranked"];
        Assert.Contains(units, u => reseeded.Of("test-ranked", u.Key) != u.Value);
    }

    [Fact]
    public void Every_interval_contains_the_published_rank_and_total()
    {
        var framework = StabilityCases.Framework();
        var registry = StabilityCases.Registry(60, CohortResult.Ranked);
        var release = StabilityCases.Build(framework, registry, StabilityCases.Random(framework, 60, seed: 11));

        var cohort = release.Cohorts.Single();
        Assert.Equal(60, cohort.Units.Count(u => u.Rank is not null));
        var moved = 0;
        foreach (var unit in cohort.Units)
        {
            var stability = release.Stability.Of("test-ranked", unit.Unit.Code)!;
            Assert.Equal(unit.Rank, stability.Rank);
            Assert.InRange(unit.Rank!.Value, stability.RankLow!.Value, stability.RankHigh!.Value);
            Assert.InRange(stability.MedianRank!.Value, stability.RankLow.Value, stability.RankHigh.Value);
            Assert.InRange(unit.Total!.Value, stability.TotalLow, stability.TotalHigh);
            moved += stability.RankLow != stability.RankHigh ? 1 : 0;
        }

        // Uneven profiles under ±25 % weights: most ranks are uncertain, which is what the interval is for.
        Assert.True(moved > 30, $"only {moved} of 60 ranks moved");
    }

    [Fact]
    public void A_unit_far_ahead_keeps_its_rank_and_grade_under_every_weighting()
    {
        var framework = StabilityCases.Framework();
        var registry = StabilityCases.Registry(12, CohortResult.Ranked);
        var sheets = StabilityCases.Random(framework, 11, seed: 5).Select(s => StabilityCases.Sheet(framework, s.UnitCode, Math.Min(15m, s.Node("a.one")!.Earned), Math.Min(10m, s.Node("a.two")!.Earned), Math.Min(25m, s.Node("b.one")!.Earned))).ToList();
        sheets.Add(StabilityCases.Sheet(framework, "U12", 29m, 19m, 49m));

        var release = StabilityCases.Build(framework, registry, sheets);

        var leader = release.Stability.Of("test-ranked", "U12")!;
        Assert.Equal((1, 1, 1, 1), (leader.Rank, leader.MedianRank, leader.RankLow, leader.RankHigh));
        Assert.Equal("优秀", leader.Grade!.Grade);
        Assert.True(leader.Grade.Robust);
        Assert.Equal(1m, leader.Grade.SameGradeShare);
    }

    [Fact]
    public void Units_tied_above_a_unit_that_part_ways_do_not_move_it_but_a_unit_falling_behind_its_tie_does()
    {
        var framework = StabilityCases.Framework();
        var registry = StabilityCases.Registry(3, CohortResult.Ranked);
        // U1 is strong on 甲, U2 on 乙; both total 80.0 and share 第一名. U3 earns 60 % everywhere: 60.0, 第二名.
        var release = StabilityCases.Build(framework, registry,
        [
            StabilityCases.Sheet(framework, "U1", 30m, 20m, 30m),
            StabilityCases.Sheet(framework, "U2", 15m, 15m, 50m),
            StabilityCases.Sheet(framework, "U3", 18m, 12m, 30m),
        ]);

        Assert.Equal([1, 1, 2], release.Cohorts[0].Units.Select(u => u.Rank!.Value));
        var third = release.Stability.Of("test-ranked", "U3")!;
        Assert.Equal((2, 2, 2), (third.MedianRank, third.RankLow, third.RankHigh));
        foreach (var tied in new[] { "U1", "U2" })
        {
            var stability = release.Stability.Of("test-ranked", tied)!;
            Assert.Equal((1, 2), (stability.RankLow, stability.RankHigh));
        }
    }

    [Fact]
    public void A_unit_on_a_grade_boundary_is_not_robust_when_its_score_depends_on_the_weights()
    {
        var framework = StabilityCases.Framework();
        var registry = StabilityCases.Registry(2, CohortResult.Graded);
        // Both earn exactly 85.0 (优秀). U1 is perfect on 甲 and weak on 乙, so moving weight from 甲 to 乙 costs it
        // points; U2 earns 85 % of every leaf, so no weighting can move its total.
        var uneven = StabilityCases.Sheet(framework, "U1", 30m, 20m, 35m);
        var even = StabilityCases.Sheet(framework, "U2", 25.5m, 17m, 42.5m);
        Assert.Equal((85.0m, "优秀", 85.0m, "优秀"), (uneven.Total, uneven.Grade, even.Total, even.Grade));

        var release = StabilityCases.Build(framework, registry, [uneven, even]);

        var boundary = release.Stability.Of("test-graded", "U1")!.Grade!;
        Assert.False(boundary.Robust);
        Assert.True(boundary.BasisLow < 85m && boundary.BasisHigh > 85m, $"{boundary.BasisLow}–{boundary.BasisHigh}");
        Assert.Equal(("良好", "优秀"), (boundary.LowGrade, boundary.HighGrade));
        Assert.InRange(boundary.SameGradeShare, 0.2m, 0.8m);
        var balanced = release.Stability.Of("test-graded", "U2")!;
        Assert.True(balanced.Grade!.Robust);
        Assert.Equal((85.0m, 85.0m), (balanced.TotalLow, balanced.TotalHigh));
        Assert.Null(balanced.Rank);
        Assert.Null(balanced.RankLow);
    }

    [Fact]
    public void A_bonus_gate_is_judged_again_on_the_reweighted_score_it_depends_on()
    {
        // The 2019 check counts Part 3 (bonuses) only when Part 2 is above 80. A portal just above 80 thanks to its
        // best blocks falls to 80 or below under some weightings and loses its bonus there.
        var framework = FrameworkCatalog.Get("gov-website-check-2019");
        var registry = UnitRegistry.ForYear(2020);
        var beijing = ScoringEngine.Score(framework, ScoringInputs.Site()
            .WithMany("interaction.unanswered", 7)
            .With("interaction.channel", "http://www.example.gov.cn/hudong/")
            .WithMany("links.broken-homepage", 4)
            .Input("bonus.services", "10")
            .Build() with { UnitCode = "110000" });
        var part2 = beijing.Node("part2")!.Earned;
        Assert.Equal(81m, part2);
        Assert.Equal(10m, beijing.Node("part3")!.Earned);
        var others = new[] { "120000", "310000", "500000" }.Select(code => ScoringEngine.Score(framework, ScoringInputs.Site().Build() with { UnitCode = code }));

        var release = new ReleaseBuilder(framework, registry, [registry.Cohort("municipality")])
            .FromSheets([beijing, .. others], null, new ReleaseOptions(2020, "gate"));

        var stability = release.Stability.Of("municipality", "110000")!;
        Assert.True(release.Stability.Computed, release.Stability.Withheld);
        Assert.True(stability.TotalLow <= 80m, $"the bonus survived every weighting: {stability.TotalLow}–{stability.TotalHigh}");
        Assert.True(stability.TotalHigh >= beijing.Total, $"{stability.TotalLow}–{stability.TotalHigh}");
    }

    [Fact]
    public void Sheets_the_framework_cannot_reproduce_withhold_the_analysis_with_the_reason()
    {
        var framework = StabilityCases.Framework();
        var registry = StabilityCases.Registry(3, CohortResult.Ranked);
        var sheets = StabilityCases.Random(framework, 3, seed: 1);
        sheets[1] = sheets[1] with { Total = sheets[1].Total + 1m };

        var release = StabilityCases.Build(framework, registry, sheets);

        Assert.False(release.Stability.Computed);
        Assert.Contains("U2", release.Stability.Withheld);
        Assert.Contains("不一致", release.Stability.Withheld);
        Assert.Empty(release.Stability.Cohorts);
    }

    [Fact]
    public void Vetoed_and_not_assessed_units_have_no_interval()
    {
        var framework = FrameworkCatalog.Get("gov-website-check-2019");
        var registry = UnitRegistry.ForYear(2020);
        var sheets = new[]
        {
            ScoringEngine.Score(framework, ScoringInputs.Site().With("veto.unreachable", "http://www.beijing.gov.cn/").Build() with { UnitCode = "110000" }),
            ScoringEngine.Score(framework, ScoringInputs.Site().NotCollected().Build() with { UnitCode = "120000" }),
            ScoringEngine.Score(framework, ScoringInputs.Site().WithMany("links.broken", 30).Build() with { UnitCode = "310000" }),
            ScoringEngine.Score(framework, ScoringInputs.Site().Build() with { UnitCode = "500000" }),
        };

        var release = new ReleaseBuilder(framework, registry, [registry.Cohort("municipality")]).FromSheets(sheets, null, new ReleaseOptions(2020, "v"));

        Assert.True(release.Stability.Computed, release.Stability.Withheld);
        Assert.Null(release.Stability.Of("municipality", "110000"));
        Assert.Null(release.Stability.Of("municipality", "120000"));
        Assert.NotNull(release.Stability.Of("municipality", "310000"));
        Assert.Equal(1, release.Stability.Of("municipality", "500000")!.RankLow);
    }

    [Fact]
    public void A_release_from_a_table_of_totals_says_why_it_has_no_intervals()
    {
        var registry = UnitRegistry.ForYear(2020);
        var framework = FrameworkCatalog.Get("gov-website-performance-2020");
        var release = new ReleaseBuilder(framework, registry, [registry.Cohort("municipality")])
            .FromTotals(Tables(("北京市", "88.5"), ("天津市", "80.0")), null, new ReleaseOptions(2020, "totals.csv"));

        Assert.Equal(RankStability.FromTotals, release.Stability.Withheld);
    }

    [Fact]
    public void The_weights_move_within_the_spread_and_each_group_keeps_its_points()
    {
        var framework = FrameworkCatalog.Get("digital-gov-capability-2020");
        var tree = new WeightTree(framework);
        var settings = framework.Stability!;
        var draws = new WeightDraws(tree, settings);

        Assert.Equal(0.25m, settings.Spread);
        Assert.Equal(1000, draws.Samples);
        var lowest = double.MaxValue;
        var highest = double.MinValue;
        for (var s = 0; s < draws.Samples; s++)
        {
            var factors = draws.Sample(s).ToArray();
            foreach (var siblings in tree.SiblingSlots)
            {
                var nominal = siblings.Sum(n => tree.Points[n]);
                var drawn = siblings.Sum(n => tree.Points[n] * factors[tree.Slot[n]]);
                Assert.Equal(nominal, drawn, 9);
                foreach (var n in siblings)
                {
                    lowest = Math.Min(lowest, factors[tree.Slot[n]]);
                    highest = Math.Max(highest, factors[tree.Slot[n]]);
                }
            }
        }

        // Renormalised, a factor can leave [0.75, 1.25] a little, never by more than the spread allows: (1 ± s) / (1 ∓ s).
        Assert.InRange(lowest, 0.75 / 1.25, 0.80);
        Assert.InRange(highest, 1.20, 1.25 / 0.75);
        // The four dimensions (21/54/13/12) and the leaves of each are perturbed; the innovation bonus is not.
        var innovation = framework.Indicators().Select((i, n) => (i, n)).Single(x => x.i.Id == "innovation").n;
        Assert.Equal(-1, tree.Slot[innovation]);
        Assert.Contains(tree.SiblingSlots, s => s.Select(n => tree.Nodes[n].Id).SequenceEqual(["integration", "provision", "data", "satisfaction"]));
    }

    private static byte[] Json(Release release)
    {
        using var stream = new MemoryStream();
        ResultsJson.Write(release, stream);
        return stream.ToArray();
    }

    private static Core.Tables.Table Tables(params (string Unit, string Total)[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"goveval-totals-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["unit,total", .. rows.Select(r => $"{r.Unit},{r.Total}")]);
        try
        {
            return Core.Tables.TableReader.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
