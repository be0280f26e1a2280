using GovEval.Core.Registry;
using GovEval.Core.Results;

namespace GovEval.Tests.Results;

/// <summary>
/// The foundation's acceptance test: from totals tables (rows shuffled, every member of every cohort present,
/// names written as codes, full names or short names) the builder reproduces what the 2020 release published.
/// The expected lists below are transcribed from the seed text (which prints odd ranks in one column and even
/// ranks in the next); the fixtures are only input.
/// </summary>
public sealed class SeedReproductionTests
{
    private static readonly string[] WebsiteCohorts =
        ["ministry-constituent", "ministry-other", "municipality", "province", "sub-provincial-city", "provincial-capital", "prefecture-city", "county"];

    private static readonly Lazy<Release> Website = new(() =>
    {
        var registry = UnitRegistry.ForYear(2020);
        return new ReleaseBuilder(TestFrameworks.WebsitePerformance2020(), registry, WebsiteCohorts.Select(registry.Cohort))
            .FromTotals(Fixtures.Seed("website-2020-totals.csv"), null, new ReleaseOptions(2020, "website-2020-totals.csv"));
    });

    private static readonly Lazy<Release> Capability = new(() =>
    {
        var registry = UnitRegistry.ForYear(2020);
        return new ReleaseBuilder(TestFrameworks.Capability2020(), registry, [registry.Cohort("provincial"), registry.Cohort("key-city")])
            .FromTotals(Fixtures.Seed("capability-2020-totals.csv"), Fixtures.Seed("capability-2019-grades.csv"), new ReleaseOptions(2020, "capability-2020-totals.csv"));
    });

    public static TheoryData<string, string, string[]> SeedTopLists => new()
    {
        {
            "ministry-constituent", "国务院组成部门网站前10名",
            ["1 商务部", "2 交通运输部", "3 工业和信息化部", "4 科技部 水利部", "5 卫生健康委", "6 农业农村部", "7 发展改革委", "8 自然资源部", "9 文化和旅游部", "10 教育部 生态环境部"]
        },
        {
            "ministry-other", "国务院其他部门网站前10名",
            ["1 税务总局 市场监管总局", "2 海关总署", "3 林业和草原局", "4 药监局", "5 体育总局", "6 气象局", "7 民航局", "8 邮政局", "9 广电总局", "10 铁路局"]
        },
        {
            "municipality", "直辖市政府网站评估结果",
            ["1 北京市", "2 上海市", "3 重庆市", "4 天津市"]
        },
        {
            "province", "省、自治区政府网站前10名",
            ["1 浙江省", "2 福建省 广东省 四川省", "3 贵州省", "4 广西壮族自治区", "5 湖北省", "6 安徽省 江西省", "7 海南省", "8 山东省", "9 湖南省", "10 江苏省"]
        },
        {
            "sub-provincial-city", "副省级城市政府网站前10名",
            ["1 青岛市", "2 深圳市 成都市", "3 厦门市 武汉市", "4 广州市", "5 哈尔滨市", "6 杭州市", "7 济南市", "8 宁波市", "9 大连市 南京市", "10 西安市"]
        },
        {
            "provincial-capital", "省会城市政府网站前10名",
            ["1 成都市", "2 长沙市", "3 武汉市 贵阳市", "4 南宁市", "5 广州市", "6 福州市", "7 哈尔滨市", "8 太原市 杭州市", "9 济南市", "10 合肥市"]
        },
        {
            "prefecture-city", "地市政府网站前10名",
            ["1 佛山市", "2 无锡市 苏州市", "3 柳州市", "4 襄阳市", "5 宁德市 潍坊市", "6 六安市", "7 温州市", "8 凉山州", "9 泰州市", "10 威海市 宜昌市"]
        },
        {
            "county", "区县政府网站前10名",
            ["1 深圳罗湖区", "2 佛山禅城区", "3 武汉武昌区", "4 广州增城区", "5 潍坊寿光市", "6 北京西城区", "7 青岛崂山区", "8 扬州仪征市", "9 深圳福田区", "10 武汉江岸区 西安未央区"]
        },
    };

    [Theory]
    [MemberData(nameof(SeedTopLists))]
    public void Website_top_lists_reproduce_the_seed(string cohortId, string title, string[] expected)
    {
        var release = Website.Value;
        var cohort = release.Cohorts.Single(c => c.Cohort.Id == cohortId);

        var published = cohort.Top.Select(g => $"{g.Rank} {string.Join(" ", g.Units.Select(u => u.Unit.Short))}").ToArray();

        Assert.Equal(expected, published);
        Assert.Equal(title, ReleaseTitles.RankList(release, cohort));
    }

    [Fact]
    public void Website_totals_cover_every_member_so_nobody_is_listed_as_not_assessed()
    {
        var registry = UnitRegistry.ForYear(2020);
        foreach (var cohort in Website.Value.Cohorts)
        {
            Assert.Empty(cohort.NotAssessed);
            Assert.Equal(registry.Members(cohort.Cohort).Count, cohort.Units.Count);
            Assert.All(cohort.Units, u => Assert.NotNull(u.Rank));
        }

        Assert.Equal(12, Website.Value.Cohorts.Single(c => c.Cohort.Id == "ministry-constituent").Top.Sum(g => g.Units.Count));
    }

    [Fact]
    public void Capability_excellent_lists_reproduce_the_seed_in_official_order()
    {
        var release = Capability.Value;
        var provincial = release.Cohorts.Single(c => c.Cohort.Id == "provincial");
        var keyCity = release.Cohorts.Single(c => c.Cohort.Id == "key-city");

        var provincialExcellent = provincial.Grades.First();
        var keyCityExcellent = keyCity.Grades.First();

        Assert.Equal("优秀", provincialExcellent.Grade);
        Assert.Equal(["北京市", "上海市", "浙江省", "福建省", "湖北省", "广东省", "四川省", "贵州省"], provincialExcellent.Units.Select(u => u.Unit.Short));
        Assert.Equal(["杭州市", "宁波市", "福州市", "厦门市", "青岛市", "长沙市", "广州市", "深圳市", "成都市", "贵阳市"], keyCityExcellent.Units.Select(u => u.Unit.Short));
        Assert.Equal("省级数字政府服务能力优秀级", ReleaseTitles.GradeList(release, provincial, provincialExcellent));
        Assert.Equal("重点城市数字政府服务能力优秀级", ReleaseTitles.GradeList(release, keyCity, keyCityExcellent));
        Assert.All(release.Cohorts.SelectMany(c => c.Units), u => Assert.Null(u.Rank));
    }

    [Fact]
    public void Capability_movements_print_the_seeds_four_sentences()
    {
        var release = Capability.Value;
        var all = release.Transitions.Single(t => t.Scope == "all");

        Assert.Equal(
            [
                "优秀级：由15个上升至18个，其中3个良好级升至优秀级",
                "良好级：18个，其中2个发展级升至良好级",
                "发展级：18个，其中2个起步级升至发展级",
                "起步级：减少至10个",
            ],
            all.Sentences);
        Assert.Equal(
            [("优秀", 15, 18), ("良好", 19, 18), ("发展", 18, 18), ("起步", 12, 10)],
            all.Counts.Select(c => (c.Grade, c.Before, c.After)));
        Assert.Equal(7, all.Movements.Count);
        Assert.Equal(["福建省", "湖北省", "长沙市"], all.Movements.Where(m => m.To == "优秀").Select(m => m.Unit.Short));
        Assert.Equal("省级和重点城市", all.ScopeName);
        Assert.Equal(["all", "provincial", "key-city"], release.Transitions.Select(t => t.Scope));
        Assert.Equal(2019, release.PreviousYear);
    }
}
