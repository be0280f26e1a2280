using System.Globalization;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using static GovEval.Publish.Html.HtmlDocument;

namespace GovEval.Publish.Html;

/// <summary>
/// index.html in the form of the 2020 release: per ranked cohort a list 第一名：商务部 … under its title
/// (国务院组成部门网站前10名, or 直辖市政府网站评估结果 when every unit fits) with the cohort's note; per graded
/// cohort the grade lists (省级数字政府服务能力优秀级) with 注：按照行政区划排序，排名不分先后; the 优秀创新案例 of
/// each cohort (<see cref="InnovationCases"/>); the movements sentences; the findings; then the full table of every
/// cohort, linking each unit's score sheet when there is one.
/// </summary>
public static class ReleasePage
{
    public const string FileName = "index.html";

    public static string Render(Release release)
    {
        var lookup = new ReleaseLookup(release);
        var sections = new ReleaseSections(release);
        var page = new HtmlDocument(release.Title);
        page.Line("<header class=\"top\">")
            .Line($"<h1>{E(release.Title)}</h1>")
            .Line($"<p>{release.Year}年 · 指标体系：{E(release.Framework.Name)}（{E(release.Framework.Id)} {E(release.Framework.Version)}）</p>")
            .Line("</header>")
            .Line("<main>");

        var cases = InnovationCases.ByCohort(release);
        page.Raw("<nav class=\"toc\"><a href=\"#results\">评估结果</a>");
        if (cases.Count > 0)
        {
            page.Raw("<a href=\"#innovation\">优秀创新案例</a>");
        }

        if (release.Transitions.Count > 0)
        {
            page.Raw("<a href=\"#movements\">组别变动</a>");
        }

        if (release.Statistics.Count > 0)
        {
            page.Raw("<a href=\"#findings\">评估发现</a>");
        }

        page.Line("<a href=\"#tables\">完整结果</a></nav>");

        page.Line("<section class=\"block\" id=\"results\">").Line("<h2>评估结果</h2>");
        foreach (var cohort in release.Cohorts)
        {
            if (cohort.Cohort.Result == CohortResult.Graded)
            {
                sections.GradeLists(page, cohort);
            }
            else
            {
                sections.RankList(page, cohort);
            }
        }

        page.Line("</section>");
        if (cases.Count > 0)
        {
            page.Line("<section class=\"block\" id=\"innovation\">").Line("<h2>优秀创新案例</h2>");
            foreach (var (cohort, list) in cases)
            {
                sections.InnovationList(page, cohort, list);
            }

            page.Line("</section>");
        }

        if (release.Transitions.Count > 0)
        {
            page.Line("<section class=\"block\" id=\"movements\">");
            sections.Movements(page, level: 2);
            page.Line("</section>");
        }

        if (release.Statistics.Count > 0)
        {
            page.Line("<section class=\"block\" id=\"findings\">").Line("<h2>评估发现</h2>");
            sections.FindingsList(page);
            page.Line("</section>");
        }

        page.Line("<section class=\"block\" id=\"tables\">").Line("<h2>完整结果</h2>");
        foreach (var cohort in release.Cohorts)
        {
            FullTable(page, sections, lookup, cohort);
        }

        ReleaseSections.Note(page, StabilityText.Note(release));

        page.Line("</section>")
            .Line("</main>")
            .Line($"<footer>数据来源：{E(release.Run)} · 指标体系 {E(release.Framework.Id)} {E(release.Framework.Version)}{(release.Framework.EngineVersion is { } engine ? $" · 评分引擎 {E(engine)}" : "")} · 由 GovEval 生成</footer>");
        return page.ToString();
    }

    private static void FullTable(HtmlDocument page, ReleaseSections sections, ReleaseLookup lookup, CohortResults cohort)
    {
        var ranked = cohort.Cohort.Result == CohortResult.Ranked;
        var changes = lookup.HasRankChanges(cohort.Cohort.Id);
        var stable = lookup.Release.Stability.Computed;
        var assessed = cohort.Units.Count(u => u.Assessed);
        page.Line($"<h3 id=\"table-{E(cohort.Cohort.Id)}\">{E(cohort.Cohort.Name)}（评估{assessed}个，共{cohort.Units.Count}个）</h3>")
            .Raw("<table><thead><tr>")
            .Raw(ranked ? "<th>排名</th>" : "")
            .Raw(stable ? (ranked ? "<th>排名区间</th>" : "<th>总分区间</th>") : "")
            .Raw("<th>单位</th><th>代码</th><th>总分</th><th>等级</th>")
            .Raw(changes ? "<th>上年排名</th>" : "")
            .Line("<th>备注</th></tr></thead><tbody>");
        foreach (var unit in cohort.Units)
        {
            var css = !unit.Assessed ? " class=\"na\"" : unit.Vetoed ? " class=\"vetoed\"" : "";
            var stability = lookup.Stability(cohort.Cohort.Id, unit.Unit.Code);
            var interval = stability is null ? "" : ranked ? StabilityText.Ranks(stability) : StabilityText.Totals(stability, cohort.Cohort.Precision);
            var unstable = stability?.Grade is { Robust: false } ? "<span class=\"unstable\">（不稳健）</span>" : "";
            page.Raw($"<tr{css}>")
                .Raw(ranked ? $"<td class=\"num\">{unit.Rank?.ToString(CultureInfo.InvariantCulture) ?? ""}</td>" : "")
                .Raw(stable ? $"<td class=\"num\">{E(interval)}</td>" : "")
                .Raw($"<td>{sections.UnitName(unit.Unit)}</td><td>{E(unit.Unit.Code)}</td>")
                .Raw($"<td class=\"num\">{(unit.Total is { } total ? Numbers.Fixed(total, cohort.Cohort.Precision) : "")}</td>")
                .Raw($"<td>{E(lookup.GradeLabel(unit.Grade))}{unstable}</td>");
            if (changes)
            {
                page.Raw($"<td class=\"num\">{Change(lookup.RankChange(cohort.Cohort.Id, unit.Unit.Code))}</td>");
            }

            page.Line($"<td>{(!unit.Assessed ? E(unit.NotAssessedReason is { } why ? $"未评估：{why}" : "未评估") : unit.Vetoed ? "一票否决" : "")}</td></tr>");
        }

        page.Line("</tbody></table>");
        ReleaseSections.Note(page, cohort.Cohort.Note);
    }

    private static string Change(RankChange? change) => change switch
    {
        null => "",
        { Before: null } => "新进",
        { Delta: > 0 } => $"{change.Before}<span class=\"up\"> ↑{change.Delta}</span>",
        { Delta: < 0 } => $"{change.Before}<span class=\"down\"> ↓{-change.Delta}</span>",
        _ => $"{change.Before}",
    };
}
