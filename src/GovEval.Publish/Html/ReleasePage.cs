using System.Globalization;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using static GovEval.Publish.Html.HtmlDocument;

namespace GovEval.Publish.Html;

/// <summary>
/// index.html in the form of the 2020 release: per ranked cohort a list 第一名：商务部 … under its title
/// (国务院组成部门网站前10名, or 直辖市政府网站评估结果 when every unit fits) with the cohort's note; per graded
/// cohort the grade lists (省级数字政府服务能力优秀级) with 注：按照行政区划排序，排名不分先后; the movements
/// sentences; the findings; then the full table of every cohort, linking each unit's score sheet when there is one.
/// </summary>
public static class ReleasePage
{
    public const string FileName = "index.html";

    public static string Render(Release release)
    {
        var lookup = new ReleaseLookup(release);
        var page = new HtmlDocument(release.Title);
        page.Line("<header class=\"top\">")
            .Line($"<h1>{E(release.Title)}</h1>")
            .Line($"<p>{release.Year}年 · 指标体系：{E(release.Framework.Name)}（{E(release.Framework.Id)} {E(release.Framework.Version)}）</p>")
            .Line("</header>")
            .Line("<main>");

        page.Raw("<nav class=\"toc\"><a href=\"#results\">评估结果</a>");
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
                GradeLists(page, release, cohort);
            }
            else
            {
                RankList(page, release, cohort);
            }
        }

        page.Line("</section>");
        Movements(page, release);
        Findings(page, release);
        page.Line("<section class=\"block\" id=\"tables\">").Line("<h2>完整结果</h2>");
        foreach (var cohort in release.Cohorts)
        {
            FullTable(page, lookup, cohort);
        }

        page.Line("</section>")
            .Line("</main>")
            .Line($"<footer>数据来源：{E(release.Run)} · 指标体系 {E(release.Framework.Id)} {E(release.Framework.Version)}{(release.Framework.EngineVersion is { } engine ? $" · 评分引擎 {E(engine)}" : "")} · 由 GovEval 生成</footer>");
        return page.ToString();
    }

    private static void RankList(HtmlDocument page, Release release, CohortResults cohort)
    {
        page.Line($"<section class=\"cohort\" id=\"cohort-{E(cohort.Cohort.Id)}\">")
            .Line($"<h3>{E(ReleaseTitles.RankList(release, cohort))}</h3>");
        if (cohort.Top.Count == 0)
        {
            page.Line("<p>暂无评估结果。</p>");
        }
        else
        {
            page.Line("<ol class=\"ranks\">");
            foreach (var group in cohort.Top)
            {
                page.Line($"<li><span class=\"rank\">{ChineseNumerals.Ordinal(group.Rank)}：</span>{string.Join(" ", group.Units.Select(u => UnitName(release, u.Unit)))}</li>");
            }

            page.Line("</ol>");
        }

        Note(page, cohort.Cohort.Note);
        page.Line("</section>");
    }

    private static void GradeLists(HtmlDocument page, Release release, CohortResults cohort)
    {
        page.Line($"<section class=\"cohort\" id=\"cohort-{E(cohort.Cohort.Id)}\">");
        if (cohort.Grades.Count == 0)
        {
            page.Line($"<h3>{E(cohort.Cohort.Name)}</h3>").Line("<p>暂无评估结果。</p>");
        }

        foreach (var grade in cohort.Grades)
        {
            page.Line($"<h3>{E(ReleaseTitles.GradeList(release, cohort, grade))}</h3>")
                .Line($"<ul class=\"grade\">{string.Concat(grade.Units.Select(u => $"<li>{UnitName(release, u.Unit)}</li>"))}</ul>");
            Note(page, cohort.Cohort.Note);
        }

        page.Line("</section>");
    }

    private static void Movements(HtmlDocument page, Release release)
    {
        if (release.Transitions.Count == 0)
        {
            return;
        }

        var years = release.PreviousYear is { } previous ? $"（{previous}年—{release.Year}年）" : "";
        page.Line("<section class=\"block\" id=\"movements\">").Line($"<h2>组别之间的变动{years}</h2>");

        // The whole release first; per-cohort summaries only add something when there are several cohorts.
        var shown = release.Transitions.Count(t => t.Scope != "all") > 1 ? release.Transitions : release.Transitions.Take(1);
        foreach (var summary in shown)
        {
            page.Line($"<h3>{E(summary.ScopeName)}</h3>")
                .Line($"<ul class=\"sentences\">{string.Concat(summary.Sentences.Select(s => $"<li>{E(s)}</li>"))}</ul>");
            if (summary.Scope == "all" && summary.Movements.Count > 0)
            {
                page.Line("<table><thead><tr><th>单位</th><th>原等级</th><th>现等级</th></tr></thead><tbody>");
                foreach (var move in summary.Movements)
                {
                    page.Line($"<tr><td>{UnitName(release, move.Unit)}</td><td>{E(release.Framework.Grades.Label(move.From))}</td><td>{E(release.Framework.Grades.Label(move.To))}</td></tr>");
                }

                page.Line("</tbody></table>");
            }
        }

        page.Line("</section>");
    }

    private static void Findings(HtmlDocument page, Release release)
    {
        if (release.Statistics.Count == 0)
        {
            return;
        }

        page.Line("<section class=\"block\" id=\"findings\">").Line("<h2>评估发现</h2>")
            .Line($"<ul class=\"findings\">{string.Concat(release.Statistics.Select(s => $"<li>{E(s.Sentence)}</li>"))}</ul>")
            .Line("</section>");
    }

    private static void FullTable(HtmlDocument page, ReleaseLookup lookup, CohortResults cohort)
    {
        var release = lookup.Release;
        var ranked = cohort.Cohort.Result == CohortResult.Ranked;
        var changes = lookup.HasRankChanges(cohort.Cohort.Id);
        var assessed = cohort.Units.Count(u => u.Assessed);
        page.Line($"<h3 id=\"table-{E(cohort.Cohort.Id)}\">{E(cohort.Cohort.Name)}（评估{assessed}个，共{cohort.Units.Count}个）</h3>")
            .Raw("<table><thead><tr>")
            .Raw(ranked ? "<th>排名</th>" : "")
            .Raw("<th>单位</th><th>代码</th><th>总分</th><th>等级</th>")
            .Raw(changes ? "<th>上年排名</th>" : "")
            .Line("<th>备注</th></tr></thead><tbody>");
        foreach (var unit in cohort.Units)
        {
            var css = !unit.Assessed ? " class=\"na\"" : unit.Vetoed ? " class=\"vetoed\"" : "";
            page.Raw($"<tr{css}>")
                .Raw(ranked ? $"<td class=\"num\">{unit.Rank?.ToString(CultureInfo.InvariantCulture) ?? ""}</td>" : "")
                .Raw($"<td>{UnitName(release, unit.Unit)}</td><td>{E(unit.Unit.Code)}</td>")
                .Raw($"<td class=\"num\">{(unit.Total is { } total ? Numbers.Fixed(total, cohort.Cohort.Precision) : "")}</td>")
                .Raw($"<td>{E(lookup.GradeLabel(unit.Grade))}</td>");
            if (changes)
            {
                page.Raw($"<td class=\"num\">{Change(lookup.RankChange(cohort.Cohort.Id, unit.Unit.Code))}</td>");
            }

            page.Line($"<td>{(!unit.Assessed ? "未评估" : unit.Vetoed ? "一票否决" : "")}</td></tr>");
        }

        page.Line("</tbody></table>");
        Note(page, cohort.Cohort.Note);
    }

    private static string Change(RankChange? change) => change switch
    {
        null => "",
        { Before: null } => "新进",
        { Delta: > 0 } => $"{change.Before}<span class=\"up\"> ↑{change.Delta}</span>",
        { Delta: < 0 } => $"{change.Before}<span class=\"down\"> ↓{-change.Delta}</span>",
        _ => $"{change.Before}",
    };

    /// <summary>The published short name, linked to the unit's score sheet when the release has one.</summary>
    private static string UnitName(Release release, Unit unit) =>
        release.Sheets.ContainsKey(unit.Code)
            ? $"<a href=\"{E(UnitPages.Link(unit.Code))}\">{E(unit.Short)}</a>"
            : E(unit.Short);

    private static void Note(HtmlDocument page, string note)
    {
        if (!string.IsNullOrWhiteSpace(note))
        {
            page.Line($"<p class=\"note\">{E(note)}</p>");
        }
    }
}
