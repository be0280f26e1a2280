using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Scoring;
using static GovEval.Publish.Html.HtmlDocument;

namespace GovEval.Publish.Html;

/// <summary>
/// units/&lt;code&gt;.html: one unit's score sheet, every indicator with its points (max / earned / status) and every
/// line that moved points with its reason and evidence: the finding's url and page, the archived response (WARC
/// file, record id, sha256, capture time), or the input row and assessor. It is what a unit reads before an appeal.
/// </summary>
public static class ScoreSheetPage
{
    public static string Render(ReleaseLookup lookup, ScoreSheet sheet, IReadOnlyList<SiteReports.CapturedPage>? captures = null)
    {
        captures ??= [];
        var anchors = EvidenceArchiveHtml.Anchors(captures);
        var release = lookup.Release;
        var unit = lookup.Unit(sheet.UnitCode);
        var name = unit?.Name ?? sheet.UnitCode;
        var page = new HtmlDocument($"{name}评分表 — {release.Title}");
        page.Line("<header class=\"top\">")
            .Line($"<h1>{E(name)}评分表</h1>")
            .Line($"<p>{E(release.Title)} · <a href=\"../{ReleasePage.FileName}\">返回评估结果</a></p>")
            .Line("</header>")
            .Line("<main>")
            .Line("<section class=\"block\">")
            .Line("<h2>总体情况</h2>")
            .Line("<table><tbody>")
            .Line($"<tr><th>单位</th><td>{E(name)}（{E(unit?.Short ?? sheet.UnitCode)}，代码 {E(sheet.UnitCode)}）</td></tr>")
            .Line($"<tr><th>总分</th><td>{Numbers.Points(sheet.Total)} / {Numbers.Points(sheet.Max)}</td></tr>");
        if (sheet.Grade is not null)
        {
            page.Line($"<tr><th>等级</th><td>{E(release.Framework.Grades.Label(sheet.Grade))}</td></tr>");
        }

        page.Line($"<tr><th>一票否决</th><td>{(sheet.Vetoed ? $"是（{E(string.Join("、", sheet.Vetoes))}）" : "否")}</td></tr>");
        foreach (var standing in Standings(lookup, sheet.UnitCode))
        {
            page.Line($"<tr><th>{E(standing.Cohort)}</th><td>{E(standing.Text)}</td></tr>");
        }

        foreach (var (cohort, text) in Stability(lookup, sheet))
        {
            page.Line($"<tr><th>{E(cohort)}（权重扰动）</th><td>{E(text)}</td></tr>");
        }

        page.Line($"<tr><th>指标体系</th><td>{E(sheet.FrameworkId)} {E(sheet.FrameworkVersion)}</td></tr>")
            .Line($"<tr><th>评分引擎</th><td>{E(sheet.EngineVersion)}</td></tr>")
            .Line("</tbody></table>");
        if (sheet.Notes.Count > 0)
        {
            page.Line($"<ul>{string.Concat(sheet.Notes.Select(n => $"<li>{E(n)}</li>"))}</ul>");
        }

        page.Line("</section>");
        if (lookup.Change(sheet.UnitCode) is { } change)
        {
            ChangeSection.Write(page, lookup, change);
        }

        page.Line("<section class=\"block\">")
            .Line("<h2>指标得分明细</h2>")
            .Line(ScoreTreeHtml.Header);
        ScoreTreeHtml.Rows(page, sheet.Root, e => e.Record is { } record && anchors.TryGetValue(record, out var id) ? id : null);
        page.Line("</tbody></table>")
            .Line("</section>");
        if (captures.Count > 0)
        {
            EvidenceArchiveHtml.Section(page, captures);
        }

        page
            .Line("</main>")
            .Line($"<footer>{E(release.Run)} · 由 GovEval 生成</footer>");
        return page.ToString();
    }

    /// <summary>排名区间 5–9（中位数第七名）, and whether the grade survives other weights, per cohort.</summary>
    private static IEnumerable<(string Cohort, string Text)> Stability(ReleaseLookup lookup, ScoreSheet sheet)
    {
        foreach (var (cohort, _) in lookup.Standings(sheet.UnitCode))
        {
            if (lookup.Stability(cohort.Cohort.Id, sheet.UnitCode) is not { } stability)
            {
                continue;
            }

            var parts = new List<string>();
            if (stability.MedianRank is { } median)
            {
                parts.Add($"排名区间{StabilityText.Ranks(stability)}（中位数{ChineseNumerals.Ordinal(median)}）");
            }

            if (stability.Grade is not { BasisName: "总分" })
            {
                parts.Add($"总分区间{StabilityText.Totals(stability, cohort.Cohort.Precision)}");
            }

            if (stability.Grade is { } grade)
            {
                parts.Add("等级" + StabilityText.GradeSentence(grade, lookup.GradeLabel(grade.Grade)));
            }

            yield return (cohort.Cohort.Name, string.Join("；", parts));
        }
    }

    private static IEnumerable<(string Cohort, string Text)> Standings(ReleaseLookup lookup, string code)
    {
        foreach (var (cohort, result) in lookup.Standings(code))
        {
            var text = result switch
            {
                { Assessed: false } => "未评估",
                { Rank: { } rank } => $"{ChineseNumerals.Ordinal(rank)}（总分 {(result.Total is { } t ? Numbers.Fixed(t, cohort.Cohort.Precision) : "")}）",
                { Vetoed: true } when cohort.Cohort.Result == CohortResult.Ranked => "一票否决，不参与排名",
                { Grade: { } grade } => lookup.GradeLabel(grade),
                { Vetoed: true } => "一票否决",
                _ => "",
            };
            yield return (cohort.Cohort.Name, text);
        }
    }
}
