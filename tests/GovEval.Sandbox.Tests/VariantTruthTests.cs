using GovEval.Core.Frameworks;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Sites;
using GovEval.Sandbox.Tests.Support;
using GovEval.Sandbox.Truth;

namespace GovEval.Sandbox.Tests;

/// <summary>
/// The truth is judged with the numbers of a framework's checks block: the national one by default (read from
/// gov-website-check-2019, not copied), another framework's when a caller gives it, so a variant's truth says what
/// its checks should find.
/// </summary>
public sealed class VariantTruthTests
{
    [Fact]
    public void The_default_truth_is_the_national_framework_s()
    {
        var server = Sandboxes.Create(11, 40);
        Assert.Equal(TruthWriter.Serialize(server.Truth()), TruthWriter.Serialize(server.Truth(FrameworkCatalog.Get("gov-website-check-2019").Checks!)));
    }

    [Fact]
    public void A_shorter_news_period_makes_exactly_the_news_columns_older_than_it_stale()
    {
        var server = Sandboxes.Hundred;
        var national = NationalRules.Checks;
        var oneDay = national with { NewsPeriodDays = 1 };
        var before = server.Truth().Sites.ToDictionary(s => s.Host);
        var added = 0;
        foreach (var site in server.Truth(oneDay).Sites)
        {
            var model = server.Site(site.Host)!;
            var expected = model.Columns
                .Where(c => c.Class == ColumnClass.News && c.Count > 0)
                .Where(c => model.Today.DayNumber - model.Item(c, 0).Date.DayNumber is > 1 and <= 14)
                .Select(c => model.Url(c.FirstPagePath))
                .Order(StringComparer.Ordinal)
                .ToList();
            var appeared = site.Defects.Except(before[site.Host].Defects).ToList();
            Assert.Equal(expected, appeared.Where(d => d.Rule == RuleIds.FreshnessColumn).Select(d => d.Url).Order(StringComparer.Ordinal));
            Assert.All(appeared, d => Assert.Contains(d.Rule, new[] { RuleIds.FreshnessColumn, RuleIds.VetoColumnsStale }));
            Assert.Empty(before[site.Host].Defects.Except(site.Defects));
            added += expected.Count;
        }

        Assert.True(added > 20, $"only {added} news columns between 2 and 14 days old in 100 sites");
    }

    [Fact]
    public void Each_number_of_the_block_moves_its_rule_in_the_truth()
    {
        var server = Sandboxes.Hundred;
        var national = NationalRules.Checks;
        int Count(CheckParameters rules, string rule) => server.Truth(rules).Sites.Sum(s => s.Defects.Count(d => d.Rule == rule));

        Assert.True(Count(national with { UnreachableSharePercent = 1 }, RuleIds.VetoUnreachable) > Count(national, RuleIds.VetoUnreachable));
        Assert.True(Count(national with { HomepageMinNewItems = 100 }, RuleIds.FreshnessHomepage) > Count(national, RuleIds.FreshnessHomepage));
        Assert.True(Count(national with { HomepageWindowDays = 1 }, RuleIds.VetoHomepageStale) > Count(national, RuleIds.VetoHomepageStale));
        Assert.True(Count(national with { NoticePolicyPeriodMonths = 1 }, RuleIds.FreshnessColumn) > Count(national, RuleIds.FreshnessColumn));
        Assert.True(Count(national with { PersonnelPlanPeriodMonths = 120 }, RuleIds.FreshnessColumn) < Count(national, RuleIds.FreshnessColumn));
        Assert.True(Count(national with { VetoStaleColumns = 1 }, RuleIds.VetoColumnsStale) > Count(national, RuleIds.VetoColumnsStale));
        Assert.True(Count(national with { VetoStaleCoreColumns = 1 }, RuleIds.VetoColumnsStale) > Count(national, RuleIds.VetoColumnsStale));
        Assert.True(Count(national with { VetoBlankColumns = 1 }, RuleIds.VetoColumnsStale) > Count(national, RuleIds.VetoColumnsStale));
        Assert.True(Count(national with { UnansweredAfterMonths = 11 }, RuleIds.InteractionUnanswered) < Count(national, RuleIds.InteractionUnanswered));
        Assert.True(Count(national with { UnansweredWithinMonths = 4 }, RuleIds.InteractionUnanswered) < Count(national, RuleIds.InteractionUnanswered));
        Assert.True(Count(national with { SlowReplyDays = 100 }, RuleIds.InteractionSlowReply) < Count(national, RuleIds.InteractionSlowReply));
    }
}
