using GovEval.Core.Errors;
using GovEval.Core.Frameworks;

namespace GovEval.Tests.Frameworks;

public sealed class FrameworkLoaderTests
{
    [Theory]
    [InlineData("gov-website-check-2019", 130)]
    [InlineData("gov-website-performance-2020", 100)]
    [InlineData("digital-gov-capability-2020", 110)]
    [InlineData("digital-gov-capability-2023", 110)]
    public void Shipped_frameworks_load_with_their_scale(string id, int max)
    {
        var framework = FrameworkCatalog.Get(id);
        Assert.Equal(id, framework.Id);
        Assert.Equal(max, framework.Max);
        Assert.False(string.IsNullOrEmpty(framework.Version));
    }

    [Fact]
    public void Website_check_2019_has_six_vetoes_100_deduction_points_and_30_gated_bonus_points()
    {
        var framework = FrameworkCatalog.Get("gov-website-check-2019");
        var vetoes = framework.Indicators().Where(i => i.Rule == RuleKind.Veto).Select(i => i.Id).ToList();
        Assert.Equal(
            ["veto.unreachable", "veto.homepage-stale", "veto.columns-stale", "veto.interaction", "veto.services", "veto.serious-error"],
            vetoes);
        Assert.Equal(100, framework.Find("part2")!.Points);
        Assert.Equal(25, framework.Find("services")!.Points);
        var bonus = framework.Find("part3")!;
        Assert.Equal(30, bonus.Points);
        Assert.Equal(new Gate("part2", 80), bonus.Gate);
        Assert.Equal(["合格", "不合格"], framework.Grades.Select(g => g.Name));
    }

    [Fact]
    public void Capability_frameworks_weigh_21_54_13_12_plus_10_and_grade_in_four_or_five_bands()
    {
        var f2020 = FrameworkCatalog.Get("digital-gov-capability-2020");
        Assert.Equal([21m, 54m, 13m, 12m, 10m], f2020.Root.Children.Select(c => c.Points));
        Assert.Equal(["优秀", "良好", "发展", "起步"], f2020.Grades.Select(g => g.Name));
        Assert.Equal([85m, 75m, 60m], f2020.Grades.Where(g => g.Min is not null).Select(g => g.Min!.Value));

        var f2023 = FrameworkCatalog.Get("digital-gov-capability-2023");
        Assert.Equal(["卓越", "优秀", "良好", "发展", "准备"], f2023.Grades.Select(g => g.Name));
        Assert.Equal([95m, 85m, 75m, 60m], f2023.Grades.Where(g => g.Min is not null).Select(g => g.Min!.Value));
    }

    [Fact]
    public void Yaml_syntax_errors_name_line_and_column()
    {
        var error = Assert.Throws<InputException>(() => Load("id: x\nversion: \"1\"\nname: [unclosed\n"));
        Assert.StartsWith("bad.yaml:4:1", error.Message);
    }

    [Fact]
    public void Unknown_fields_and_wrong_types_are_located()
    {
        var text = Minimal.Replace("        points: 10\n", "        pointz: 10\n").Replace("max: 10", "max: ten");
        var error = Assert.Throws<InputException>(() => Load(text));
        Assert.Contains(error.Problems, p => p.Message.StartsWith("bad.yaml:16:17") && p.Message.Contains("unknown field 'pointz'"));
        Assert.Contains(error.Problems, p => p.Message.StartsWith("bad.yaml:4:6") && p.Message.Contains("field 'max'"));
    }

    [Fact]
    public void Unknown_rule_ids_and_points_that_do_not_add_up_are_refused()
    {
        var text = Minimal.Replace("finding: links.broken,", "finding: links.brokn,").Replace("    points: 10\n    children", "    points: 12\n    children");
        var error = Assert.Throws<InputException>(() => Load(text));
        Assert.Contains(error.Problems, p => p.Message.Contains("'links.brokn' is not a rule id"));
        Assert.Contains(error.Problems, p => p.Message.Contains("group 'part2' declares 12 but its children add up to 10"));
        Assert.All(error.Problems, p => Assert.Matches(@"^bad\.yaml:\d+:\d+: ", p.Message));
    }

    [Fact]
    public void Grades_must_go_from_best_to_worst()
    {
        var text = Minimal.Replace("grades:\n  - { name: 好, min: 8 }\n  - { name: 差 }", "grades:\n  - { name: 好, min: 8 }\n  - { name: 中, min: 9 }\n  - { name: 差 }");
        var error = Assert.Throws<InputException>(() => Load(text));
        Assert.Contains("grades go from best to worst", error.Message);
    }

    [Fact]
    public void Verdict_needs_are_read_and_must_name_indicators_of_the_framework()
    {
        var framework = Load(Minimal);
        var need = Assert.Single(framework.VerdictNeeds);
        Assert.Equal(("链接已检查", NeedCoverage.All, 20), (need.Name, need.Coverage, need.Line));
        Assert.Equal(["links"], need.Indicators);

        var unknown = Assert.Throws<InputException>(() => Load(Minimal.Replace("indicators: [links] }", "indicators: [links, linkz], measured: any }", StringComparison.Ordinal)));
        Assert.StartsWith("bad.yaml:20:40: field 'indicators': no indicator 'linkz' (verdict need '链接已检查')", unknown.Message);

        var coverage = Assert.Throws<InputException>(() => Load(Minimal.Replace("indicators: [links] }", "indicators: [links], measured: most }", StringComparison.Ordinal)));
        Assert.Contains("field 'measured'", coverage.Message);
    }

    [Fact]
    public void A_minimal_framework_loads()
    {
        var framework = Load(Minimal);
        Assert.Equal("mini", framework.Id);
        Assert.Equal(RuleKind.Deduct, framework.Find("links")!.Rule);
        Assert.Equal(13, framework.Find("links")!.Line);
    }

    // It scores a website finding, so it states the numbers of the rules: the national checks block, appended.
    private static readonly string Minimal =
        "id: mini\n" +
        "version: \"1\"\n" +
        "name: 最小框架\n" +
        "max: 10\n" +
        "grades:\n" +
        "  - { name: 好, min: 8 }\n" +
        "  - { name: 差 }\n" +
        "indicators:\n" +
        "  - id: part2\n" +
        "    name: 扣分\n" +
        "    points: 10\n" +
        "    children:\n" +
        "      - id: links\n" +
        "        name: 链接\n" +
        "        rule: deduct\n" +
        "        points: 10\n" +
        "        deduct:\n" +
        "          - { finding: links.broken, each: 1 }\n" +
        "verdict-needs:\n" +
        "  - { name: 链接已检查, indicators: [links] }\n" +
        ShippedRules.ChecksBlock(ShippedRules.NationalId);

    private static Framework Load(string text) => FrameworkLoader.Load(new StringReader(text), "bad.yaml");
}
