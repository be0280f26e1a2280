using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Results.Changes;
using GovEval.Core.Scoring;
using GovEval.Tests.Scoring;

namespace GovEval.Tests.Results;

/// <summary>
/// "Why did we drop from 5th to 9th": between two rounds each unit's change is split over the findings, inputs and
/// measurements that moved it, through the framework's indicators, and the parts add up to the change exactly.
/// </summary>
public sealed class ChangeAttributionTests
{
    private static readonly Framework Check = FrameworkCatalog.Get("gov-website-check-2019");

    [Fact]
    public void Findings_and_inputs_that_changed_add_up_exactly_to_the_change_of_the_total()
    {
        // 2019: two broken homepage links, six stale columns (18 points of deductions on a 15-point leaf: capped),
        // one unanswered message, a bonus of 5. 2020: one link mended and two more broken, four columns updated,
        // the message answered, the bonus raised to 8.
        var before = Score("110000", ScoringInputs.Site()
            .With("links.broken-homepage", "http://www.beijing.gov.cn/a.html")
            .With("links.broken-homepage", "http://www.beijing.gov.cn/b.html")
            .WithMany("freshness.column", 6)
            .With("interaction.unanswered", "http://www.beijing.gov.cn/hudong/1")
            .Input("bonus.services", "5"));
        var after = Score("110000", ScoringInputs.Site()
            .With("links.broken-homepage", "http://www.beijing.gov.cn/b.html")
            .With("links.broken-homepage", "http://www.beijing.gov.cn/c.html")
            .With("links.broken-homepage", "http://www.beijing.gov.cn/d.html")
            .WithMany("freshness.column", 2)
            .Input("bonus.services", "8"));
        Assert.Equal((86m, 99m), (before.Total, after.Total));

        var change = Attribute(before, after);

        Assert.Equal(13m, change.Delta);
        Assert.False(change.ByIndicatorOnly);
        Assert.Equal(0m, change.Rounding);
        Assert.Equal(change.Delta, change.Indicators.Sum(i => i.Points) + change.Rounding);
        Assert.All(change.Indicators, i => Assert.Equal(i.Points, i.Items.Sum(item => item.Points)));

        var links = Part(change, "links");
        Assert.Equal(-1m, links.Points);
        Assert.Equal("availability", links.Group);
        Assert.Contains(links.Items, i => i is { Kind: "finding", Change: ChangeKind.Disappeared, Rule: "links.broken-homepage", Url: "http://www.beijing.gov.cn/a.html", Points: 1m });
        Assert.Equal(2, links.Items.Count(i => i is { Change: ChangeKind.Appeared, Points: -1m }));
        Assert.DoesNotContain(links.Items, i => i.Url == "http://www.beijing.gov.cn/b.html");

        // The cap bound in 2019: four columns updated took back 12 points of deductions but only 9 counted (15 − 6),
        // so each updated column is worth 9 / 4 = 2.25.
        var columns = Part(change, "freshness.column");
        Assert.Equal(9m, columns.Points);
        Assert.Equal(4, columns.Items.Count);
        Assert.All(columns.Items, i => Assert.Equal((ChangeKind.Disappeared, 2.25m), (i.Change!.Value, i.Points)));

        Assert.Equal(2m, Part(change, "interaction.unanswered").Points);
        var bonus = Part(change, "bonus.services");
        Assert.Equal(3m, bonus.Points);
        var input = Assert.Single(bonus.Items);
        Assert.Equal(("input", ChangeKind.Changed, "5", "8"), (input.Kind, input.Change!.Value, input.Before, input.After));
        Assert.Contains("由“5”改为“8”", input.Text);
        Assert.Equal("links", change.Indicators[^1].Indicator);
    }

    [Fact]
    public void A_group_rescaled_differently_states_the_rescaling_and_still_adds_up()
    {
        // In 2020 the unit no longer offers external services: 办事服务 (25) does not apply and the other 75 points of
        // Part 2 count × 100/75, so every point earned elsewhere is worth a third more.
        var before = Score("110000", ScoringInputs.Site().WithMany("links.broken", 7).WithMany("services.guide-elements", 3));
        var after = Score("110000", ScoringInputs.Site().NoExternalServices().WithMany("links.broken", 7).With("columns.blank", "http://www.beijing.gov.cn/lanmu/"));

        var change = Attribute(before, after);

        Assert.Equal(after.Total - before.Total, change.Delta);
        Assert.Equal(change.Delta, change.Indicators.Sum(i => i.Points) + change.Rounding);
        Assert.All(change.Indicators, i => Assert.Equal(i.Points, i.Items.Sum(item => item.Points)));
        Assert.InRange(Math.Abs(change.Rounding), 0m, 0.05m);
        var guides = Part(change, "services.guide-elements");
        Assert.Equal(-7m, guides.Points);
        Assert.Contains(guides.Items, i => i.Kind == "status" && i.Text == "本轮无此指标");
        var search = Part(change, "search");
        Assert.Equal(3.33m, search.Points);
        Assert.Equal("rescale", Assert.Single(search.Items).Kind);
        var blank = Part(change, "columns.blank");
        Assert.Contains(blank.Items, i => i is { Kind: "finding", Change: ChangeKind.Appeared, Points: -1.33m });
    }

    [Fact]
    public void Findings_beyond_a_cap_that_binds_in_both_rounds_are_listed_with_no_points()
    {
        var before = Score("110000", ScoringInputs.Site().WithMany("freshness.column", 6));
        var after = Score("110000", ScoringInputs.Site().WithMany("freshness.column", 7));

        var change = Attribute(before, after);

        Assert.Equal(0m, change.Delta);
        var columns = Part(change, "freshness.column");
        Assert.Equal(0m, columns.Points);
        var added = Assert.Single(columns.Items);
        Assert.Equal((ChangeKind.Appeared, 0m), (added.Change!.Value, added.Points));
    }

    [Fact]
    public void A_veto_that_hit_this_round_explains_the_whole_drop()
    {
        var before = Score("110000", ScoringInputs.Site().WithMany("links.broken", 4));
        var after = Score("110000", ScoringInputs.Site().WithMany("links.broken", 2).With("veto.unreachable", "http://www.beijing.gov.cn/"));
        Assert.True(after.Vetoed);

        var change = Attribute(before, after);

        Assert.Equal(-before.Total, change.Delta);
        var veto = change.Indicators[0];
        Assert.Equal("veto.unreachable", veto.Indicator);
        Assert.Equal(change.Delta, veto.Points);
        Assert.Equal(veto.Points, veto.Items.Sum(i => i.Points));
        Assert.Contains(veto.Items, i => i is { Kind: "finding", Change: ChangeKind.Appeared, Rule: "veto.unreachable" });
        Assert.Contains("本轮触发单项否决（站点无法访问）", change.Note);
        var links = Part(change, "links");
        Assert.Equal(0m, links.Points);
        Assert.Equal(2, links.Items.Count(i => i.Change == ChangeKind.Disappeared));
        Assert.Equal(change.Delta, change.Indicators.Sum(i => i.Points) + change.Rounding);
    }

    [Fact]
    public void Rounds_under_other_frameworks_are_attributed_per_indicator_only_and_say_so()
    {
        var framework = StabilityCases.Framework();
        var older = FrameworkLoader.Load(new StringReader(StabilityCases.Yaml.Replace("version: \"1\"", "version: \"0.9\"", StringComparison.Ordinal)
            .Replace("SEED", "7", StringComparison.Ordinal)
            .Replace("points: 30, min: 0, max: 30", "points: 25, min: 0, max: 25", StringComparison.Ordinal)
            .Replace("points: 20, min: 0, max: 20", "points: 25, min: 0, max: 25", StringComparison.Ordinal)), "older.yaml");
        var registry = StabilityCases.Registry(1, CohortResult.Ranked);
        var before = StabilityCases.Sheet(older, "U1", 20m, 15m, 30m);
        var after = StabilityCases.Sheet(framework, "U1", 20m, 18m, 31m);

        var release = StabilityCases.Build(framework, registry, [after], [before], older);

        var changes = release.Changes!;
        Assert.False(changes.SameFramework);
        Assert.Equal("stability-test 0.9", changes.PreviousFramework);
        var change = changes.Units["U1"];
        Assert.True(change.ByIndicatorOnly);
        Assert.Contains("指标体系不同", change.Note);
        Assert.Equal(after.Total - before.Total, change.Delta);
        Assert.Equal(change.Delta, change.Indicators.Sum(i => i.Points) + change.Rounding);
        Assert.All(change.Indicators.SelectMany(i => i.Items), i => Assert.Null(i.Change));
        Assert.Equal(3m, Part(change, "a.two").Points);
    }

    [Fact]
    public void Units_not_assessed_in_either_round_have_no_attribution()
    {
        var before = Score("110000", ScoringInputs.Site().NotCollected());
        var after = Score("110000", ScoringInputs.Site());
        var same = Score("120000", ScoringInputs.Site());

        var release = Release([after, same], [before, same]);

        Assert.False(release.Changes!.Units.ContainsKey("110000"));
        var unchanged = release.Changes.Units["120000"];
        Assert.Equal(0m, unchanged.Delta);
        Assert.Empty(unchanged.Indicators);
    }

    [Fact]
    public void Apportioning_keeps_the_sum_when_each_part_rounds_the_same_way()
    {
        var shares = ChangeAttributor.Apportion([1m / 3, 1m / 3, 1m / 3], 1m, 2);

        Assert.Equal([0.33m, 0.33m, 0.34m], shares);
        Assert.Equal([-0.67m, -0.33m], ChangeAttributor.Apportion([-2m / 3, -1m / 3], -1m, 2));
    }

    private static ScoreSheet Score(string code, ScoringInputs inputs) => ScoringEngine.Score(Check, inputs.Build() with { UnitCode = code });

    private static Release Release(IReadOnlyList<ScoreSheet> now, IReadOnlyList<ScoreSheet> before)
    {
        var registry = UnitRegistry.ForYear(2020);
        return new ReleaseBuilder(Check, registry, [registry.Cohort("municipality")])
            .FromSheets(now, before, new ReleaseOptions(2020, "2020", 2019, PreviousRun: "2019"));
    }

    private static UnitChange Attribute(ScoreSheet before, ScoreSheet after) => Release([after], [before]).Changes!.Units[after.UnitCode];

    private static IndicatorChange Part(UnitChange change, string id) =>
        change.Indicators.SingleOrDefault(i => i.Indicator == id) ?? throw new Xunit.Sdk.XunitException($"no part {id}: {string.Join(", ", change.Indicators.Select(i => $"{i.Indicator} {i.Points}"))}");
}
