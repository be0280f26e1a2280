using GovEval.Core.Frameworks;

namespace GovEval.Tests.Results;

/// <summary>
/// Framework records for results and publication tests, built directly (the YAML loader is tested elsewhere):
/// the 2020 capability grades (优秀 ≥ 85, 良好 ≥ 75, 发展 ≥ 60, 起步 below) and an ungraded 0–100 website index.
/// </summary>
internal static class TestFrameworks
{
    public static Framework Capability2020(params Indicator[] leaves) => new(
        "digital-gov-capability-2020",
        "2020.1",
        "数字政府服务能力评估指标体系",
        null,
        110m,
        1,
        null,
        [new GradeBand("优秀", "优秀级", 85m), new GradeBand("良好", "良好级", 75m), new GradeBand("发展", "发展级", 60m), new GradeBand("起步", "起步级", null)],
        null,
        new ReleaseTexts("2020年数字政府服务能力评估结果", "{label}数字政府服务能力{grade}", null, null),
        Group("root", "数字政府服务能力", leaves.Length == 0 ? [Leaf("service", "服务", 110m)] : leaves),
        "test");

    public static Framework WebsitePerformance2020() => new(
        "gov-website-performance-2020",
        "2020.1",
        "政府网站绩效评估指标体系",
        null,
        100m,
        1,
        null,
        [],
        null,
        new ReleaseTexts("第十九届政府网站绩效评估结果", null, null, null),
        Group("root", "政府网站绩效", [Leaf("info", "信息发布", 100m)]),
        "test");

    /// <summary>The 2019 check: pass from 80 up, vetoed sites fail whatever their score.</summary>
    public static Framework WebsiteCheck2019() => new(
        "gov-website-check-2019",
        "2019.1",
        "政府网站检查指标",
        null,
        100m,
        1,
        null,
        [new GradeBand("合格", "合格", 80m), new GradeBand("不合格", "不合格", null)],
        "不合格",
        new ReleaseTexts(null, null, null, null),
        Group("root", "政府网站检查", [Leaf("links", "链接可用性", 100m)]),
        "test");

    public static Indicator Leaf(string id, string name, decimal points, string? statistic = null) => new(
        id, name, RuleKind.Expert, points, [], null, null, null, MissingPolicy.Zero, [], null, false, [], null, null, null, null, null, statistic, null, 1, 1);

    public static Indicator Group(string id, string name, IReadOnlyList<Indicator> children) => new(
        id, name, RuleKind.Group, children.Sum(c => c.Points), children, null, null, null, MissingPolicy.Exclude, [], null, false, [], null, null, null, null, null, null, null, 1, 1);
}
