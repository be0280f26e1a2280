using System.Globalization;
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
    public static string Render(ReleaseLookup lookup, ScoreSheet sheet)
    {
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

        page.Line($"<tr><th>指标体系</th><td>{E(sheet.FrameworkId)} {E(sheet.FrameworkVersion)}</td></tr>")
            .Line($"<tr><th>评分引擎</th><td>{E(sheet.EngineVersion)}</td></tr>")
            .Line("</tbody></table>");
        if (sheet.Notes.Count > 0)
        {
            page.Line($"<ul>{string.Concat(sheet.Notes.Select(n => $"<li>{E(n)}</li>"))}</ul>");
        }

        page.Line("</section>")
            .Line("<section class=\"block\">")
            .Line("<h2>指标得分明细</h2>")
            .Line("<table><thead><tr><th>指标</th><th>编号</th><th>状态</th><th>满分</th><th>得分</th></tr></thead><tbody>");
        Node(page, sheet.Root, 0);
        page.Line("</tbody></table>")
            .Line("</section>")
            .Line("</main>")
            .Line($"<footer>{E(release.Run)} · 由 GovEval 生成</footer>");
        return page.ToString();
    }

    private static void Node(HtmlDocument page, ScoreNode node, int depth)
    {
        var indent = (depth * 1.5).ToString("0.#", CultureInfo.InvariantCulture);
        page.Line($"<tr><td style=\"padding-left:{indent}em\">{(depth == 0 ? "<strong>" : "")}{E(node.Name)}{(depth == 0 ? "</strong>" : "")}</td>"
            + $"<td><code>{E(node.Id)}</code></td><td class=\"status-{node.Status}\">{E(StatusNames.Of(node.Status))}</td>"
            + $"<td class=\"num\">{Numbers.Points(node.Max)}</td><td class=\"num\">{Numbers.Points(node.Earned)}</td></tr>");
        if (!string.IsNullOrWhiteSpace(node.Note))
        {
            page.Line($"<tr class=\"line\"><td colspan=\"5\" style=\"padding-left:{indent}em\">说明：{E(node.Note)}</td></tr>");
        }

        foreach (var line in node.Lines)
        {
            page.Line($"<tr class=\"line\"><td colspan=\"4\" style=\"padding-left:{indent}em\">{E(line.Text)}{Evidence(line.Evidence)}</td><td class=\"num\">{Signed(line.Points)}</td></tr>");
        }

        foreach (var child in node.Children)
        {
            Node(page, child, depth + 1);
        }
    }

    private static string Signed(decimal points) => points > 0 ? "+" + Numbers.Points(points) : Numbers.Points(points);

    private static string Evidence(IReadOnlyList<EvidenceRef> evidence)
    {
        if (evidence.Count == 0)
        {
            return "";
        }

        var items = evidence.Select(e =>
        {
            var parts = new List<string>();
            Add(parts, "规则", e.Rule);
            Add(parts, "问题地址", e.Url);
            Add(parts, "发现页面", e.Page);
            Add(parts, "WARC 文件", e.Warc);
            Add(parts, "记录编号", e.Record);
            Add(parts, "SHA-256", e.Sha256);
            Add(parts, "采集时间", e.CapturedAt is null ? null : Numbers.Time(e.CapturedAt));
            Add(parts, "来源", e.Source);
            Add(parts, "评估人", e.Assessor);
            Add(parts, "录入值", e.Value);
            return $"<li>{E(KindName(e.Kind))}：{string.Join("；", parts)}</li>";
        });
        return $"<ul class=\"evidence\">{string.Concat(items)}</ul>";
    }

    // URLs print as text, never as links: the report stays offline and the archived record, not the live page, is the evidence.
    private static void Add(List<string> parts, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{E(label)} <code>{E(value)}</code>");
        }
    }

    private static string KindName(string kind) => kind switch
    {
        "finding" => "检测发现",
        "input" => "人工录入",
        "measurement" => "测量值",
        _ => kind,
    };

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
