using GovEval.Core.Registry;

namespace GovEval.Tests.Registry;

public sealed class RegistryTests
{
    private static readonly UnitRegistry R2020 = UnitRegistry.ForYear(2020);

    [Theory]
    [InlineData(2019, 2020)]
    [InlineData(2020, 2020)]
    [InlineData(2023, 2020)]
    [InlineData(2024, 2024)]
    [InlineData(2026, 2024)]
    public void A_year_uses_the_newest_division_list_not_after_it(int year, int edition) =>
        Assert.Equal(edition, UnitRegistry.ForYear(year).Edition);

    [Theory]
    [InlineData("provincial", 32)]
    [InlineData("key-city", 32)]
    [InlineData("ministry-constituent", 26)]
    [InlineData("municipality", 4)]
    [InlineData("province", 27)]
    [InlineData("sub-provincial-city", 15)]
    [InlineData("provincial-capital", 27)]
    [InlineData("prefecture-city", 301)]
    [InlineData("county", 2844)]
    public void Cohorts_of_2020_have_their_published_sizes(string cohort, int size) =>
        Assert.Equal(size, R2020.Members(R2020.Cohort(cohort)).Count);

    [Fact]
    public void A_sample_narrows_cohorts_and_a_sample_outside_a_cohort_leaves_it_empty_not_whole()
    {
        var registry = UnitRegistry.ForYear(2020).Sampled(["440300", "110000"]);
        Assert.Equal(["440300"], registry.Members(registry.Cohort("sub-provincial-city")).Select(u => u.Code));
        Assert.Empty(registry.Members(registry.Cohort("county")));
        Assert.Equal(["110000"], registry.Members(registry.Cohort("municipality")).Select(u => u.Code));
        Assert.Equal(15, UnitRegistry.ForYear(2020).Members(UnitRegistry.ForYear(2020).Cohort("sub-provincial-city")).Count);
    }

    [Fact]
    public void Provincial_cohort_lists_the_corps_right_after_xinjiang_and_leaves_out_taiwan()
    {
        var members = R2020.Members(R2020.Cohort("provincial")).Select(u => u.Short).ToList();
        Assert.Equal("北京市", members[0]);
        Assert.Equal(["新疆维吾尔自治区", "新疆生产建设兵团"], members[^2..]);
        Assert.DoesNotContain("台湾省", members);
    }

    [Theory]
    [InlineData("440303", "深圳罗湖区")]
    [InlineData("321081", "扬州仪征市")]
    [InlineData("420102", "武汉江岸区")]
    [InlineData("110102", "北京西城区")]
    [InlineData("513400", "凉山州")]
    [InlineData("450000", "广西壮族自治区")]
    [InlineData("SC022", "卫生健康委")]
    [InlineData("SC003", "发展改革委")]
    [InlineData("SC055", "林业和草原局")]
    [InlineData("429004", "仙桃市")]
    [InlineData("652700", "博尔塔拉州")]
    public void Short_names_are_the_published_forms(string code, string expected) =>
        Assert.Equal(expected, R2020.Find(code)!.Short);

    [Fact]
    public void Ministries_follow_the_state_council_order_and_keep_codes_across_reforms()
    {
        var constituent = R2020.Members(R2020.Cohort("ministry-constituent")).Select(u => u.Short).ToList();
        Assert.Equal("外交部", constituent[0]);
        Assert.True(constituent.IndexOf("科技部") < constituent.IndexOf("水利部"));

        var r2024 = UnitRegistry.ForYear(2024);
        var csrc2020 = R2020.Lookup("证监会").Single();
        var csrc2024 = r2024.Lookup("证监会").Single();
        Assert.Equal(csrc2020.Code, csrc2024.Code);
        Assert.Equal("institution", csrc2020.Tags.Single());
        Assert.Equal("direct", csrc2024.Tags.Single());
        Assert.Contains(r2024.Members(r2024.Cohort("ministry-other")), u => u.Short == "数据局");
        Assert.DoesNotContain(R2020.Members(R2020.Cohort("ministry-other")), u => u.Short == "数据局");
    }

    [Fact]
    public void Lookup_finds_units_by_code_full_name_or_short_name_and_reports_ambiguity()
    {
        Assert.Equal("440303", R2020.Lookup("深圳罗湖区").Single().Code);
        Assert.Equal("440303", R2020.Lookup("440303").Single().Code);
        Assert.Equal("SC022", R2020.Lookup("国家卫生健康委员会").Single().Code);
        Assert.True(R2020.Lookup("朝阳区").Count >= 2);
    }

    [Fact]
    public void Division_changes_between_editions_show_in_the_registry()
    {
        Assert.NotNull(R2020.Find("330103"));
        Assert.Null(UnitRegistry.ForYear(2024).Find("330103"));
        Assert.Equal("杭州临平区", UnitRegistry.ForYear(2024).Find("330113")!.Short);
    }
}
