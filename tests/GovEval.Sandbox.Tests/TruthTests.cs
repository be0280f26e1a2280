using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Tests.Support;
using GovEval.Sandbox.Truth;

namespace GovEval.Sandbox.Tests;

public sealed class TruthTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(2024)]
    public void A_hundred_sites_hold_every_website_rule_at_least_20_times(long seed)
    {
        var server = seed == 7 ? Sandboxes.Hundred : Sandboxes.Create(seed, 100);
        var counts = server.Truth().Sites.SelectMany(s => s.Defects).GroupBy(d => d.Rule).ToDictionary(g => g.Key, g => g.Count());
        foreach (var rule in RuleIds.Website)
        {
            Assert.True(counts.GetValueOrDefault(rule) >= 20, $"{rule}: {counts.GetValueOrDefault(rule)} in 100 sites (seed {seed})");
        }

        Assert.Empty(counts.Keys.Except(RuleIds.Website));
    }

    [Fact]
    public void The_website_catalogue_is_section_1_without_accessibility_mobile_and_new_media()
    {
        Assert.Equal(32, RuleIds.Website.Count);
        Assert.DoesNotContain(RuleIds.Website, r => r.StartsWith("a11y.", StringComparison.Ordinal) || r.StartsWith("mobile.", StringComparison.Ordinal) || r.StartsWith("newmedia.", StringComparison.Ordinal));
        Assert.Contains(RuleIds.AvailabilityHomepage, RuleIds.Website);
        Assert.Equal(6, RuleIds.Website.Count(r => r.StartsWith("veto.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Same_seed_gives_byte_identical_truth_and_another_seed_other_sites()
    {
        var first = TruthWriter.Serialize(Sandboxes.Create(11, 60).Truth());
        var again = TruthWriter.Serialize(Sandboxes.Create(11, 60).Truth());
        var other = TruthWriter.Serialize(Sandboxes.Create(12, 60).Truth());
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Streaming_the_truth_site_by_site_writes_the_same_bytes()
    {
        var server = Sandboxes.Create(11, 30);
        using var stream = new MemoryStream();
        TruthWriter.Write(stream, server.Population.Seed, "2020-11-30", server.Truth().Sites);
        Assert.Equal(TruthWriter.Serialize(server.Truth()), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Truth_has_the_contract_shape_with_one_entry_per_distinct_url_and_rule()
    {
        var truth = Sandboxes.Hundred.Truth();
        Assert.Equal(7, truth.Seed);
        Assert.Equal("2020-11-30", truth.Now);
        Assert.Equal(100, truth.Sites.Count);
        foreach (var site in truth.Sites)
        {
            Assert.Equal(site.Defects.Count, site.Defects.Select(d => (d.Rule, d.Url)).Distinct().Count());
            foreach (var defect in site.Defects)
            {
                var url = new Uri(defect.Url);
                Assert.True(url.Host == site.Host || url.Host.EndsWith(".invalid", StringComparison.Ordinal), defect.Url);
                Assert.Equal(site.Host, new Uri(defect.Page).Host);
                if (defect.Rule.StartsWith("veto.", StringComparison.Ordinal) || defect.Rule.StartsWith("identity.", StringComparison.Ordinal) || defect.Rule.StartsWith("search.", StringComparison.Ordinal)
                    || defect.Rule is RuleIds.AvailabilityHomepage or RuleIds.FreshnessHomepage or RuleIds.SecurityHttps or RuleIds.SecurityHeaders or RuleIds.NetworkIpv6 or RuleIds.HttpSoft404 or RuleIds.InteractionChannel)
                {
                    Assert.Equal($"http://{site.Host}/", defect.Url);
                }
            }
        }

        var json = TruthWriter.Serialize(truth);
        Assert.Contains("\"seed\": 7", json, StringComparison.Ordinal);
        Assert.Contains("\"defects\": [", json, StringComparison.Ordinal);
        Assert.Contains("\"rule\": \"veto.unreachable\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Vetoes_follow_from_their_underlying_defects()
    {
        foreach (var site in Sandboxes.Hundred.Truth().Sites)
        {
            var rules = site.Defects.Select(d => d.Rule).ToHashSet();
            Assert.Equal(rules.Contains(RuleIds.InteractionChannel) || rules.Contains(RuleIds.InteractionUnanswered), rules.Contains(RuleIds.VetoInteraction));
            Assert.True(!rules.Contains(RuleIds.VetoUnreachable) || rules.Contains(RuleIds.AvailabilityHomepage));
            Assert.True(!rules.Contains(RuleIds.VetoHomepageStale) || rules.Contains(RuleIds.FreshnessHomepage));
            Assert.True(!rules.Contains(RuleIds.ServicesGuideElements) || rules.Contains(RuleIds.VetoServices));
            Assert.True(!rules.Contains(RuleIds.VetoColumnsStale)
                || site.Defects.Count(d => d.Rule == RuleIds.FreshnessColumn) >= 5 || site.Defects.Count(d => d.Rule == RuleIds.ColumnsBlank) >= 5);
        }
    }

    [Fact]
    public void Some_sites_are_clean_and_some_carry_only_a_few_defects()
    {
        var sites = Sandboxes.Hundred.Truth().Sites;
        Assert.InRange(sites.Count(s => s.Defects.Count == 0), 5, 20);
        Assert.True(sites.Count(s => s.Defects.Count is > 0 and <= 6 && !s.Defects.Any(d => d.Rule.StartsWith("veto.", StringComparison.Ordinal))) >= 15);
        Assert.True(sites.Count(s => s.Defects.Any(d => d.Rule.StartsWith("veto.", StringComparison.Ordinal))) >= 30);
    }
}
