using System.Globalization;
using GovEval.Core.Scoring;
using static GovEval.Publish.Html.HtmlDocument;

namespace GovEval.Publish.Html;

/// <summary>
/// The rows of a score sheet's indicator table (name, id, status, max, earned) with every line that moved points
/// and its evidence; shared by the release's per-unit pages and `check`'s report. <c>anchor</c> names the in-page
/// archive entry of a piece of evidence when the page carries one.
/// </summary>
public static class ScoreTreeHtml
{
    public const string Header = "<table><thead><tr><th>指标</th><th>编号</th><th>状态</th><th>满分</th><th>得分</th></tr></thead><tbody>";

    public static void Rows(HtmlDocument page, ScoreNode root, Func<EvidenceRef, string?>? anchor = null) => Node(page, root, 0, anchor);

    private static void Node(HtmlDocument page, ScoreNode node, int depth, Func<EvidenceRef, string?>? anchor)
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
            page.Line($"<tr class=\"line\"><td colspan=\"4\" style=\"padding-left:{indent}em\">{E(line.Text)}{Evidence(line.Evidence, anchor)}</td><td class=\"num\">{Signed(line.Points)}</td></tr>");
        }

        foreach (var child in node.Children)
        {
            Node(page, child, depth + 1, anchor);
        }
    }

    private static string Signed(decimal points) => points > 0 ? "+" + Numbers.Points(points) : Numbers.Points(points);

    private static string Evidence(IReadOnlyList<EvidenceRef> evidence, Func<EvidenceRef, string?>? anchor)
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
            var link = anchor?.Invoke(e) is { } target ? $" <a href=\"#{E(target)}\">查看存档</a>" : "";
            return $"<li>{E(KindName(e.Kind))}：{string.Join("；", parts)}{link}</li>";
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
}
