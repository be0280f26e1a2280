using GovEval.Core.Errors;
using GovEval.Core.Frameworks;
using GovEval.Core.Scoring;

namespace GovEval.Tests.Scoring;

/// <summary>The national check's semantics (RULES.md §1) as the shipped framework scores them.</summary>
public sealed class WebsiteCheck2019ScoringTests
{
    private static readonly Framework Check = FrameworkCatalog.Get("gov-website-check-2019");

    private static ScoreSheet Score(ScoringInputs inputs) => ScoringEngine.Score(Check, inputs.Build());

    [Fact]
    public void A_clean_portal_scores_full_part2_and_its_entered_bonus()
    {
        var sheet = Score(ScoringInputs.Site().Input("bonus.services", "6").Input("bonus.innovation", "5"));
        Assert.Equal(100, sheet.Node("part2")!.Earned);
        Assert.Equal(111, sheet.Total);
        Assert.Equal("合格", sheet.Grade);
        Assert.False(sheet.Vetoed);
        Assert.Equal("gov-website-check-2019", sheet.FrameworkId);
        Assert.Equal(Check.Version, sheet.FrameworkVersion);
        Assert.Equal(ScoringEngine.Version, sheet.EngineVersion);
    }

    [Fact]
    public void A_veto_fails_the_site_and_nothing_else_is_scored()
    {
        var sheet = Score(ScoringInputs.Site().With("veto.unreachable", "http://www.example.gov.cn/").Input("bonus.services", "10"));
        Assert.True(sheet.Vetoed);
        Assert.Equal(["veto.unreachable"], sheet.Vetoes);
        Assert.Equal(0, sheet.Total);
        Assert.Equal("不合格", sheet.Grade);
        Assert.Contains(sheet.Notes, n => n.Contains("站点无法访问"));
        Assert.Equal(NodeStatus.VetoHit, sheet.Node("veto.unreachable")!.Status);
    }

    [Fact]
    public void Deductions_count_distinct_urls_and_never_exceed_the_indicator()
    {
        // 3 broken homepage links (one reported from two pages) = −3; 150 broken links elsewhere = −15, capped with −3 at 10.
        var sheet = Score(ScoringInputs.Site()
            .With("links.broken-homepage", "http://a.example/1")
            .With("links.broken-homepage", "http://A.example/1#frag", "http://www.example.gov.cn/other.html")
            .With("links.broken-homepage", "http://a.example/2")
            .With("links.broken-homepage", "http://a.example/3")
            .WithMany("links.broken", 150));
        var links = sheet.Node("links")!;
        Assert.Equal(0, links.Earned);
        Assert.Contains(links.Lines, l => l.Text.Contains("首页链接不可用3处") && l.Points == -3 && l.Evidence.Count == 3);
        Assert.Contains(links.Lines, l => l.Text.Contains("以本项分值10分为限"));
        Assert.Equal(90, sheet.Node("part2")!.Earned);
    }

    [Fact]
    public void Availability_deducts_five_points_per_full_percent_of_failed_visits()
    {
        var sheet = Score(ScoringInputs.Site().Measure("availability.share", 0.035m));
        Assert.Equal(0, sheet.Node("availability.homepage")!.Earned);
        var mild = Score(ScoringInputs.Site().Measure("availability.share", 0.019m));
        Assert.Equal(5, mild.Node("availability.homepage")!.Earned);
        Assert.Contains(mild.Node("availability.homepage")!.Lines, l => l.Text.Contains("1.9%") && l.Points == -5);
    }

    [Fact]
    public void Part2_under_60_is_a_failing_grade_without_a_veto()
    {
        var sheet = Score(ScoringInputs.Site()
            .WithMany("freshness.column", 5)
            .WithMany("columns.blank", 5)
            .WithMany("interaction.unanswered", 5)
            .WithMany("services.system-down", 5)
            .With("search.missing", "http://www.example.gov.cn/"));
        Assert.Equal(50, sheet.Node("part2")!.Earned);
        Assert.Equal("不合格", sheet.Grade);
        Assert.False(sheet.Vetoed);
    }

    [Fact]
    public void Units_without_external_services_score_part2_out_of_75_times_four_thirds()
    {
        var sheet = Score(ScoringInputs.Site().NoExternalServices().WithMany("freshness.column", 5).WithMany("services.system-down", 3));
        var part2 = sheet.Node("part2")!;
        Assert.Equal(NodeStatus.NotApplicable, sheet.Node("services")!.Status);
        Assert.Equal(80, part2.Earned); // (75 − 15) × 100 / 75; the system-down findings do not count.
        Assert.Contains(part2.Lines, l => l.Text.Contains("×100/75"));
        Assert.Equal(NodeStatus.NotApplicable, sheet.Node("veto.services")!.Status);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void The_bonus_counts_only_when_part2_is_above_80(bool staleAndBlankColumns, bool bonusCounts)
    {
        // Five stale columns (−15) and five blank ones (−5) leave Part 2 at exactly 80, which is not above 80.
        var inputs = ScoringInputs.Site().Input("bonus.disclosure", "8");
        inputs = staleAndBlankColumns ? inputs.WithMany("freshness.column", 5).WithMany("columns.blank", 5) : inputs;
        var sheet = Score(inputs);
        var part2 = sheet.Node("part2")!.Earned;
        Assert.Equal(bonusCounts ? 100 : 80, part2);
        Assert.Equal(bonusCounts ? 108 : 80, sheet.Total);
        Assert.Equal(bonusCounts ? NodeStatus.Scored : NodeStatus.GatedOff, sheet.Node("part3")!.Status);
    }

    [Fact]
    public void Only_portals_earn_bonus_points()
    {
        var sheet = Score(ScoringInputs.Site().NotPortal().Input("bonus.disclosure", "8"));
        Assert.Equal(100, sheet.Total);
        Assert.Equal(NodeStatus.NotApplicable, sheet.Node("part3")!.Status);
    }

    [Fact]
    public void A_scanner_fault_is_never_a_deduction()
    {
        var sheet = Score(ScoringInputs.Site().NotMeasured("links.broken-homepage").NotMeasured("links.broken").Measure("availability.share", 0));
        var links = sheet.Node("links")!;
        Assert.Equal(NodeStatus.NotMeasured, links.Status);
        Assert.Equal(0, links.Max);
        Assert.Equal(100, sheet.Node("part2")!.Earned); // 90 measured points rescaled to 100.
        Assert.Contains(links.Lines, l => l.Text.Contains("scanner timeout"));
    }

    [Fact]
    public void Serious_errors_found_by_checks_wait_for_a_person_to_confirm()
    {
        var candidate = Score(ScoringInputs.Site().With("veto.serious-error", "http://www.example.gov.cn/a.html"));
        Assert.False(candidate.Vetoed);
        Assert.Equal(NodeStatus.VetoCandidate, candidate.Node("veto.serious-error")!.Status);
        Assert.Contains(candidate.Notes, n => n.Contains("待人工确认"));

        var confirmed = Score(ScoringInputs.Site().With("veto.serious-error", "http://www.example.gov.cn/a.html").Input("veto.serious-error", "是"));
        Assert.True(confirmed.Vetoed);
        Assert.Equal("不合格", confirmed.Grade);

        var rejected = Score(ScoringInputs.Site().With("veto.serious-error", "http://www.example.gov.cn/a.html").Input("veto.serious-error", "否"));
        Assert.False(rejected.Vetoed);
        Assert.Equal(NodeStatus.VetoClear, rejected.Node("veto.serious-error")!.Status);
    }

    [Fact]
    public void Without_collection_automatic_leaves_are_not_measured_and_the_sheet_says_so()
    {
        var sheet = Score(ScoringInputs.Site().NotCollected());
        Assert.Equal(NodeStatus.NotMeasured, sheet.Node("part2")!.Status);
        Assert.All(sheet.Nodes().Where(n => n.Id.StartsWith("veto.", StringComparison.Ordinal) && n.Id != "veto.serious-error"),
            n => Assert.Equal(NodeStatus.NotMeasured, n.Status));
    }

    [Fact]
    public void A_unit_with_nothing_measured_or_entered_is_not_assessed_rather_than_zero()
    {
        var capability = FrameworkCatalog.Get("digital-gov-capability-2020");
        var nothing = ScoringEngine.Score(capability, ScoringInputs.Site().NotCollected().Build());
        Assert.False(nothing.Assessed);
        Assert.Null(nothing.Grade);

        // Something in each base dimension (verdict-needs), even a 否, is an assessment: blanks in between earn nothing.
        var something = ScoringEngine.Score(capability, ScoringInputs.Site().NotCollected()
            .Input("integration.search", "否").Input("provision.app", "无").Input("data.agency", "否").Input("satisfaction.rating", "未建立").Build());
        Assert.True(something.Assessed);
        Assert.Equal("起步", something.Grade);
    }

    [Fact]
    public void An_invalid_input_value_is_refused_with_its_source_row()
    {
        var error = Assert.Throws<InputException>(() => Score(ScoringInputs.Site().Input("bonus.innovation", "9", "inputs.csv:7")));
        Assert.StartsWith("inputs.csv:7", error.Message);
        Assert.Contains("outside 0–5", error.Message);
    }

    [Fact]
    public void Every_deduction_line_carries_the_warc_evidence_of_its_finding()
    {
        var sheet = Score(ScoringInputs.Site().With("downloads.broken", "http://www.example.gov.cn/form.doc", "http://www.example.gov.cn/guide.html"));
        var line = Assert.Single(sheet.Node("downloads.broken")!.Lines);
        var evidence = Assert.Single(line.Evidence);
        Assert.Equal("http://www.example.gov.cn/form.doc", evidence.Url);
        Assert.Equal("http://www.example.gov.cn/guide.html", evidence.Page);
        Assert.Equal("crawl-00001.warc.gz", evidence.Warc);
        Assert.Equal(64, evidence.Sha256!.Length);
        Assert.NotNull(evidence.CapturedAt);
    }
}
