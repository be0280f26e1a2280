using GovEval.Core.Errors;
using GovEval.Core.Registry;
using GovEval.Sandbox.Population;
using GovEval.Sandbox.Quality;

namespace GovEval.Sandbox.Tests;

public sealed class PopulationTests
{
    private static readonly UnitRegistry Registry = UnitRegistry.ForYear(2020);

    [Fact]
    public void A_hundred_sites_mix_ministries_provinces_cities_counties_and_departments()
    {
        var population = SitePopulation.Draw(Registry, 7, 100);
        var byCategory = population.Sites.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enum.GetValues<SiteCategory>().Length, byCategory.Count);
        Assert.InRange(byCategory[SiteCategory.CountyPortal], 25, 35);
        Assert.InRange(byCategory[SiteCategory.PrefectureDepartment], 25, 35);
        Assert.All(population.Sites, s => Assert.NotNull(Registry.Find(s.Unit.Code)));
    }

    [Fact]
    public void Portals_of_chosen_units_give_each_unit_its_site_with_defects_by_the_same_quotas()
    {
        var codes = Registry.Units.Where(u => u.Level is UnitLevel.Province or UnitLevel.Central).Select(u => u.Code).Where(c => !c.StartsWith("71", StringComparison.Ordinal) && !c.StartsWith("81", StringComparison.Ordinal) && !c.StartsWith("82", StringComparison.Ordinal)).ToList();
        var population = SitePopulation.Portals(Registry, 5, codes);
        Assert.Equal(codes, population.Sites.Select(s => s.Unit.Code));
        Assert.All(population.Sites, s => Assert.True(s.IsPortal));
        Assert.Contains(population.Sites, s => s.Tier == QualityTier.Clean);
        Assert.Contains(population.Sites, s => s.Tier == QualityTier.Veto);
        Assert.Equal(population.Sites.Count, population.Sites.Select(s => s.Host).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var error = Assert.Throws<InputException>(() => SitePopulation.Portals(Registry, 5, ["710000"]));
        Assert.Contains("710000", error.Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => SitePopulation.Portals(Registry, 5, ["999999"]));
    }

    [Fact]
    public void Hosts_follow_the_national_pattern_except_where_identity_domain_is_planted()
    {
        var population = SitePopulation.Draw(Registry, 3, 300);
        foreach (var site in population.Sites)
        {
            var labels = site.Host.Split('.');
            var national = site.Host.EndsWith(".gov.cn", StringComparison.Ordinal) && labels.Length == 4 && (!site.IsPortal || labels[0] == "www");
            Assert.Equal(!site.Intents.Has(Intent.Domain), national);
        }

        Assert.Equal(population.Sites.Count, population.Sites.Select(s => s.Host).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_national_count_of_14475_sites_fits_and_every_host_is_unique()
    {
        Assert.True(SitePopulation.Capacity(Registry) >= 14475);
        var population = SitePopulation.Draw(Registry, 1, 14475);
        Assert.Equal(14475, population.Sites.Select(s => s.Host).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(population.Sites, s => s.Host == "www.gd.gov.cn" || s.Host == "gd.gov.cn");
        Assert.Same(population.Sites[14474], population.Find(population.Sites[14474].Host.ToUpperInvariant()));
    }

    [Fact]
    public void Another_seed_draws_other_units()
    {
        var a = SitePopulation.Draw(Registry, 1, 100).Sites.Select(s => s.Host).ToHashSet();
        var b = SitePopulation.Draw(Registry, 2, 100).Sites.Select(s => s.Host).ToHashSet();
        Assert.True(a.Intersect(b).Count() < 50, "two seeds should draw mostly different sites");
        Assert.Equal(a, SitePopulation.Draw(Registry, 1, 100).Sites.Select(s => s.Host).ToHashSet());
    }

    [Fact]
    public void Quality_tiers_include_clean_sites_few_defects_and_veto_failures()
    {
        var sites = SitePopulation.Draw(Registry, 7, 200).Sites;
        Assert.Equal(20, sites.Count(s => s.Tier == QualityTier.Clean));
        Assert.All(sites.Where(s => s.Tier == QualityTier.Clean), s => Assert.Equal(Intent.None, s.Intents));
        Assert.All(sites.Where(s => s.Tier == QualityTier.Veto), s => Assert.NotEqual(Intent.None, s.Intents & Intents.Vetoes));
        Assert.All(sites.Where(s => s.Tier is QualityTier.Few or QualityTier.Many), s => Assert.Equal(Intent.None, s.Intents & Intents.Vetoes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000)]
    public void A_population_size_out_of_range_names_the_argument(int sites)
    {
        var e = Assert.Throws<InputException>(() => SitePopulation.Draw(Registry, 1, sites));
        Assert.Equal("--sites", e.Location);
    }
}
