using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Scoring;
using GovEval.Tests.Scoring;

namespace GovEval.Tests.Results;

/// <summary>A framework's statistic sentences count units by what the indicator's rule means.</summary>
public sealed class StatisticsFromSheetsTests
{
    [Fact]
    public void Deductions_count_units_that_lost_points_and_vetoes_count_units_they_hit()
    {
        var framework = FrameworkCatalog.Get("gov-website-check-2019");
        var registry = UnitRegistry.ForYear(2020);
        var sheets = new[]
        {
            Sheet(framework, "110000", ScoringInputs.Site().With("links.broken", "http://www.beijing.gov.cn/x.html")),
            Sheet(framework, "120000", ScoringInputs.Site().With("veto.unreachable", "http://www.tj.gov.cn/")),
            Sheet(framework, "310000", ScoringInputs.Site()),
            Sheet(framework, "500000", ScoringInputs.Site()),
        };

        var release = new ReleaseBuilder(framework, registry, [registry.Cohort("municipality")]).FromSheets(sheets, null, new ReleaseOptions(2020, "t"));

        var sentences = release.Statistics.Select(s => s.Sentence).ToList();
        Assert.Contains("1个直辖市（占比25.0%）存在不可用链接", sentences);
        Assert.Contains("1个直辖市（占比25.0%）触发单项否决", sentences);
        Assert.Contains("0个直辖市（占比0.0%）存在办事指南要素缺失", sentences);
    }

    private static ScoreSheet Sheet(Framework framework, string code, ScoringInputs inputs) =>
        ScoringEngine.Score(framework, inputs.Build() with { UnitCode = code });
}
