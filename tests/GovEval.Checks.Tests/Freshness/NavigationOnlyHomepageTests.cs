using GovEval.Checks.Columns;
using GovEval.Checks.Freshness;
using GovEval.Checks.Tests.Support;
using GovEval.Core.Frameworks;
using GovEval.Core.Scoring;

namespace GovEval.Checks.Tests.Freshness;

/// <summary>
/// A homepage that is only navigation is judged on its second-level pages (RULES.md, veto.homepage-stale). Its
/// finding once came from those pages and its measurement from the homepage (0), so a navigation-only homepage
/// with fresh columns scored 0 points on freshness.homepage with no finding to say why: both now read
/// <see cref="HomepageItems"/>, and so does the report.
/// </summary>
public sealed class NavigationOnlyHomepageTests
{
    private static readonly Framework Check = FrameworkCatalog.Get("gov-website-check-2019");

    [Theory]
    [InlineData("homepage-navigation-only-two-new", 2)]
    [InlineData("homepage-navigation-only-fresh", 3)]
    public void Finding_measurement_and_report_read_the_same_items(string name, int fresh)
    {
        var fixture = FixtureCase.Load("freshness", name);
        using var context = new CheckContext(ShippedRules.Options);
        var result = new UpdateChecks().Run(fixture.Observation, context);
        var items = HomepageItems.Of(fixture.Observation, context);

        Assert.True(items.NavigationOnly);
        Assert.Equal(fresh, items.ItemsInWindow);
        Assert.Equal(new DateOnly(2020, 11, fresh == 3 ? 28 : 27), items.Latest);
        Assert.Equal(fresh, result.Measurements["homepage.itemsLast2Weeks"]);
        Assert.Equal(fresh < ShippedRules.Options.HomepageMinNewItems, result.Findings.Any(f => f.Rule == UpdateChecks.HomepageRule));
        Assert.DoesNotContain(result.Findings, f => f.Rule == UpdateChecks.HomepageVeto);
    }

    [Fact]
    public void Fresh_second_level_pages_earn_the_metric_s_points()
    {
        var fixture = FixtureCase.Load("freshness", "homepage-navigation-only-fresh");
        // The freshness family alone: other families' vetoes (no consultation channel here) would stop the scoring.
        var result = new UpdateChecks().Run(fixture.Observation, new CheckContext(ShippedRules.Options));
        var facts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["portal"] = ["true"], ["externalServices"] = ["true"] };
        var sheet = ScoringEngine.Score(Check, new ScoringInput("x", facts, result.Findings, result.Measurements, result.NotMeasured, [], Collected: true));

        Assert.DoesNotContain(result.Findings, f => f.Rule == UpdateChecks.HomepageRule);
        Assert.False(sheet.Vetoed);
        // 3 new items: the framework's step "at 1 → 1 point" (not 0, as a measurement of the bare homepage gave).
        Assert.Equal(1m, sheet.Node("freshness.homepage")!.Earned);
    }

    [Fact]
    public void A_homepage_with_items_of_its_own_is_judged_on_them()
    {
        var fixture = FixtureCase.Load("freshness", "homepage-two-new-items");
        using var context = new CheckContext(ShippedRules.Options);
        var items = HomepageItems.Of(fixture.Observation, context);
        Assert.False(items.NavigationOnly);
        Assert.Equal(2, items.ItemsInWindow);
        Assert.Same(items, HomepageItems.Of(fixture.Observation, context));
    }
}
