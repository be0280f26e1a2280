using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Scoring;

namespace GovEval.Tests.Scoring;

/// <summary>
/// Issue 19, row 8: "a site that cannot be assessed is never 合格". Each framework states what a verdict needs
/// (verdict-needs); a unit lacking it is not assessed with the reason, never graded and never ranked, while a
/// veto that hit still fails the unit.
/// </summary>
public sealed class VerdictNeedsTests
{
    private static readonly Framework Check = FrameworkCatalog.Get("gov-website-check-2019");

    /// <summary>
    /// What the checks leave of a site whose homepage was too large to read (an endless body, a gzip bomb): the
    /// homepage-reading rules not measured and no homepage measurement, while the availability samples (the size
    /// cap stopped each visit, which is no failure) are clean.
    /// </summary>
    private static ScoringInput UnreadableHomepage(Func<ScoringInputs, ScoringInputs>? more = null)
    {
        var inputs = ScoringInputs.Site()
            .NotMeasured("freshness.homepage", "首页未能获取")
            .NotMeasured("veto.homepage-stale", "首页未能获取")
            .NotMeasured("interaction.channel", "首页未能获取")
            .NotMeasured("veto.interaction", "首页未能获取")
            .NotMeasured("veto.services", "首页未能获取")
            .NotMeasured("identity.site-id-code", "首页未能取得HTML")
            .NotMeasured("links.broken", "the homepage could not be fetched by the scanner: body exceeds the size cap");
        return (more?.Invoke(inputs) ?? inputs).Build() with { Measurements = new Dictionary<string, decimal> { ["availability.share"] = 0m } };
    }

    [Fact]
    public void Every_shipped_framework_states_what_a_verdict_needs()
    {
        Assert.All(FrameworkCatalog.Ids, id => Assert.NotEmpty(FrameworkCatalog.Get(id).VerdictNeeds));
        Assert.Equal(["首页已读取", "单项否决指标均已测量"], Check.VerdictNeeds.Select(n => n.Name));
    }

    [Fact]
    public void A_site_whose_homepage_could_not_be_read_is_not_assessed_rather_than_passed()
    {
        var input = UnreadableHomepage();
        var without = Check with { VerdictNeeds = [] };
        Assert.Equal("合格", ScoringEngine.Score(without, input).Grade);

        var sheet = ScoringEngine.Score(Check, input);

        Assert.False(sheet.Assessed);
        Assert.Null(sheet.Grade);
        Assert.False(sheet.Vetoed);
        Assert.Equal(
            "不满足“首页已读取”（首页栏目：无测量值）；" +
            "不满足“单项否决指标均已测量”（首页长期不更新：未能测量（首页未能获取）；互动回应差：未能测量（首页未能获取）；服务不实用：未能测量（首页未能获取））",
            sheet.NotAssessedReason);
        Assert.Contains(sheet.Notes, n => n.StartsWith("本单位未评估：不满足“首页已读取”", StringComparison.Ordinal));
        Assert.Equal(NodeStatus.NotMeasured, sheet.Root.Status);
        Assert.Equal(NodeStatus.VetoClear, sheet.Node("veto.unreachable")!.Status);
    }

    [Fact]
    public void A_veto_that_hit_is_a_verdict_even_when_other_vetoes_could_not_be_measured()
    {
        var sheet = ScoringEngine.Score(Check, UnreadableHomepage(i => i.With("veto.unreachable", "http://www.example.gov.cn/")));
        Assert.True(sheet.Assessed);
        Assert.True(sheet.Vetoed);
        Assert.Equal("不合格", sheet.Grade);
        Assert.Null(sheet.NotAssessedReason);
    }

    [Fact]
    public void A_veto_that_does_not_apply_is_not_needed()
    {
        var sheet = ScoringEngine.Score(Check, ScoringInputs.Site().NoExternalServices().NotMeasured("veto.services", "首页未能获取").Build());
        Assert.True(sheet.Assessed);
        Assert.Equal("合格", sheet.Grade);
    }

    [Fact]
    public void A_unit_never_collected_with_one_bonus_input_is_not_assessed_and_not_ranked_first()
    {
        var registry = UnitRegistry.ForYear(2020);
        var cohort = registry.Cohort("municipality");
        var sheets = registry.Members(cohort)
            .Select(u => ScoringEngine.Score(Check, (u.Code == "110000"
                ? ScoringInputs.Site().NotCollected().Input("bonus.innovation", "5")
                : ScoringInputs.Site().NotCollected()).Build() with { UnitCode = u.Code }))
            .ToList();
        var beijing = sheets.Single(s => s.UnitCode == "110000");
        Assert.False(beijing.Assessed);
        Assert.Contains("未进行自动采集", beijing.NotAssessedReason);

        var release = new ReleaseBuilder(Check, registry, [cohort]).FromSheets(sheets, null, new ReleaseOptions(2020, "never collected"));
        var result = Assert.Single(release.Cohorts);
        Assert.Empty(result.Ranks);
        Assert.Equal(4, result.NotAssessed.Count);
        var unit = result.Units.Single(u => u.Unit.Code == "110000");
        Assert.Null(unit.Rank);
        Assert.Null(unit.Grade);
        Assert.False(unit.Assessed);
        Assert.Equal(beijing.NotAssessedReason, unit.NotAssessedReason);
    }

    [Fact]
    public void A_capability_unit_needs_each_base_dimension_entered_and_an_innovation_award_alone_grades_nobody()
    {
        var capability = FrameworkCatalog.Get("digital-gov-capability-2020");
        var award = ScoringEngine.Score(capability, ScoringInputs.Site().NotCollected().Input("innovation.cases", "10").Build());
        Assert.False(award.Assessed);
        Assert.Null(award.Grade);
        Assert.Contains("集约整合能力：无任何测量值或录入值", award.NotAssessedReason);

        var partial = ScoringEngine.Score(capability, ScoringInputs.Site().NotCollected()
            .Input("integration.search", "是").Input("provision.app", "无").Input("data.agency", "是").Build());
        Assert.False(partial.Assessed);
        Assert.Equal("不满足“四个基础维度均有录入值”（服务对象满意度：无任何测量值或录入值）", partial.NotAssessedReason);

        var assessed = ScoringEngine.Score(capability, ScoringInputs.Site().NotCollected()
            .Input("integration.search", "是").Input("provision.app", "无").Input("data.agency", "是").Input("satisfaction.rating", "已建立").Build());
        Assert.True(assessed.Assessed);
        Assert.Equal("起步", assessed.Grade);
    }

    [Fact]
    public void A_website_index_needs_the_homepage_read_and_every_dimension_observed()
    {
        var performance = FrameworkCatalog.Get("gov-website-performance-2020");
        var collectedOnly = ScoringEngine.Score(performance, ScoringInputs.Site().Build());
        Assert.False(collectedOnly.Assessed);
        Assert.Contains("解读回应：无任何测量值或录入值", collectedOnly.NotAssessedReason);

        var full = ScoringEngine.Score(performance, ScoringInputs.Site().Input("response.interpretation", "良").Build());
        Assert.True(full.Assessed);

        var noItems = ScoringInputs.Site().Input("response.interpretation", "良").Build();
        var withoutHomepage = ScoringEngine.Score(performance, noItems with { Measurements = new Dictionary<string, decimal> { ["availability.share"] = 0m } });
        Assert.False(withoutHomepage.Assessed);
        Assert.StartsWith("不满足“首页已读取”（首页信息更新：无测量值）", withoutHomepage.NotAssessedReason);
    }
}
