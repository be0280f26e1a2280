using System.Globalization;
using GovEval.Core.Observations;
using GovEval.Core.Rules;
using GovEval.Core.Scoring;
using GovEval.Publish.Html;
using static GovEval.Publish.Html.HtmlDocument;

namespace GovEval.Publish.SiteReports;

/// <summary>
/// report.html: what a site operator or supervisor reads after `goveval check` — the verdict, the score by part,
/// every finding with where it was seen and the archived response that proves it, the raw measurements, what
/// could not be measured (never held against the site), and the captured pages as escaped source so nothing a
/// hostile site served can run in the reader's browser. Self-contained: opens offline.
/// </summary>
public static class SiteReportHtml
{
    public const string FileName = "report.html";

    public static string Render(SiteReport report)
    {
        var anchors = EvidenceArchiveHtml.Anchors(report.Captures);
        string? Anchor(string? record) => record is not null && anchors.TryGetValue(record, out var id) ? id : null;

        var page = new HtmlDocument($"网站检查报告 — {report.Site}");
        page.Line("<header class=\"top\">")
            .Line("<h1>网站检查报告</h1>")
            .Line($"<p><code>{E(report.Site)}</code> · 检查基准日 {Date(report.Now)} · {E(report.FrameworkName)}（{E(report.Sheet.FrameworkId)} {E(report.Sheet.FrameworkVersion)}）</p>")
            .Line("</header>")
            .Line("<nav class=\"toc\"><a href=\"#verdict\">检查结论</a><a href=\"#findings\">问题清单</a><a href=\"#measurements\">监测数据</a>"
                + "<a href=\"#not-measured\">未能测量</a><a href=\"#sheet\">评分明细</a><a href=\"#archive\">证据存档</a></nav>")
            .Line("<main>");
        Verdict(page, report);
        Findings(page, report, Anchor);
        Measurements(page, report.Measurements);
        NotMeasured(page, report.NotMeasured);
        page.Line("<section class=\"block\" id=\"sheet\">")
            .Line("<h2>评分明细</h2>")
            .Line(ScoreTreeHtml.Header);
        ScoreTreeHtml.Rows(page, report.Sheet.Root, e => Anchor(e.Record));
        page.Line("</tbody></table>")
            .Line("</section>");
        EvidenceArchiveHtml.Section(page, report.Captures);
        page.Line("</main>")
            .Line($"<footer>GovEval {E(report.ToolVersion)} · 开始 {E(Numbers.Time(report.StartedAt))} · 结束 {E(Numbers.Time(report.FinishedAt))} · 评分引擎 {E(report.Sheet.EngineVersion)}</footer>");
        return page.ToString();
    }

    private static void Verdict(HtmlDocument page, SiteReport report)
    {
        var sheet = report.Sheet;
        // A site that could not be assessed has neither a pass colour nor a total: its notes say why.
        var css = !sheet.Assessed ? "na" : sheet.Vetoed || report.Verdict.Contains('不', StringComparison.Ordinal) ? "down" : "up";
        var total = sheet.Assessed ? Numbers.Points(sheet.Total) : "—";
        page.Line("<section class=\"block\" id=\"verdict\">")
            .Line("<h2>检查结论</h2>")
            .Line($"<p class=\"verdict\">结论：<strong class=\"{css}\">{E(report.Verdict)}</strong>　总分 <strong>{total}</strong> / {Numbers.Points(sheet.Max)}</p>");
        if (sheet.Vetoed)
        {
            var names = sheet.Vetoes.Select(v => $"{RuleName(v)}（<code>{E(v)}</code>）");
            page.Line($"<p>触发单项否决：{string.Join("、", names)}。单项否决指标触发即判定为不合格，其他指标不再计分。</p>");
        }

        page.Line("<table><thead><tr><th>部分</th><th>状态</th><th>满分</th><th>得分</th></tr></thead><tbody>");
        foreach (var part in sheet.Root.Children)
        {
            page.Line($"<tr><td>{E(part.Name)}</td><td class=\"status-{part.Status}\">{E(StatusNames.Of(part.Status))}</td>"
                + $"<td class=\"num\">{Numbers.Points(part.Max)}</td><td class=\"num\">{Numbers.Points(part.Earned)}</td></tr>");
        }

        page.Line("</tbody></table>");
        foreach (var note in sheet.Notes)
        {
            page.Line($"<p class=\"note\">{E(note)}</p>");
        }

        page.Line("</section>");
    }

    private static void Findings(HtmlDocument page, SiteReport report, Func<string?, string?> anchor)
    {
        page.Line("<section class=\"block\" id=\"findings\">")
            .Line($"<h2>问题清单（{report.Findings.Count}项）</h2>");
        if (report.Findings.Count == 0)
        {
            page.Line("<p>未发现问题。</p>");
        }

        foreach (var group in report.Findings.GroupBy(f => f.Rule).OrderBy(g => RuleOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            page.Line($"<h3>{E(RuleName(group.Key))} <code>{E(group.Key)}</code>（{SeverityName(first.Severity)}，{group.Count()}项）</h3>")
                .Line("<table><thead><tr><th>问题地址</th><th>发现页面</th><th>说明</th><th>证据</th></tr></thead><tbody>");
            foreach (var finding in group)
            {
                page.Line($"<tr><td><code>{E(finding.Url)}</code></td><td><code>{E(finding.Page)}</code></td><td>{E(finding.Message)}</td><td>{Evidence(finding.Evidence, anchor)}</td></tr>");
            }

            page.Line("</tbody></table>");
        }

        page.Line("</section>");
    }

    private static string Evidence(Evidence? evidence, Func<string?, string?> anchor)
    {
        if (evidence is null)
        {
            return "—";
        }

        var link = anchor(evidence.Record) is { } id ? $"<a href=\"#{E(id)}\">查看存档</a><br>" : "";
        return $"{link}<code>{E(evidence.Warc)}</code><br>采集于 {E(Numbers.Time(evidence.CapturedAt))}<br>SHA-256 <code>{E(Short(evidence.Sha256))}</code>";
    }

    private static void Measurements(HtmlDocument page, SiteMeasurements m)
    {
        var availability = m.Availability;
        var share = availability.Share is { } s ? (s * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—";
        page.Line("<section class=\"block\" id=\"measurements\">")
            .Line("<h2>监测数据</h2>")
            .Line("<table><tbody>")
            .Line($"<tr><th>抓取页面数</th><td class=\"num\">{m.Pages}</td></tr>")
            .Line($"<tr><th>检查链接数</th><td class=\"num\">{m.Links}</td></tr>")
            .Line($"<tr><th>首页访问（{(availability.FromMonitor ? "监测期" : "短时抽样")}）</th><td class=\"num\">{availability.Visits}次，失败{availability.Failures}次，失败占比{share}</td></tr>")
            .Line($"<tr><th>首页最近更新</th><td class=\"num\">{(m.Homepage.Latest is { } latest ? Date(latest) : "—")}</td></tr>")
            .Line($"<tr><th>首页近{m.Homepage.WindowDays}天新增信息</th><td class=\"num\">{(m.Homepage.ItemsLast2Weeks is { } items ? $"{items}条" : "—")}</td></tr>")
            .Line("</tbody></table>");
        if (m.Columns.Count > 0)
        {
            page.Line($"<h3>识别的栏目（{m.Columns.Count}个）</h3>")
                .Line("<table><thead><tr><th>栏目</th><th>类别</th><th>信息条数</th><th>最新发布</th><th>地址</th></tr></thead><tbody>");
            foreach (var column in m.Columns)
            {
                page.Line($"<tr><td>{E(column.Name)}</td><td>{E(ClassName(column.Class))}</td><td class=\"num\">{column.Items}</td>"
                    + $"<td class=\"num\">{(column.Latest is { } d ? Date(d) : "—")}</td><td><code>{E(column.Url)}</code></td></tr>");
            }

            page.Line("</tbody></table>");
        }

        var others = m.Values.Where(v => MeasurementCatalogue.Find(v.Key) is not null).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        if (others.Count > 0)
        {
            page.Line("<h3>其他测量值</h3>")
                .Line("<table><tbody>");
            foreach (var (name, value) in others)
            {
                var info = MeasurementCatalogue.Find(name)!;
                var text = info.Unit == "比例" ? (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : Numbers.Points(value) + info.Unit;
                page.Line($"<tr><th>{E(info.Description)} <code>{E(name)}</code></th><td class=\"num\">{E(text)}</td></tr>");
            }

            page.Line("</tbody></table>");
        }

        page.Line("</section>");
    }

    private static void NotMeasured(HtmlDocument page, IReadOnlyList<NotMeasured> missing)
    {
        page.Line("<section class=\"block\" id=\"not-measured\">")
            .Line("<h2>未能测量</h2>")
            .Line("<p class=\"note\">以下项目因检测工具自身原因（超时、资源限制、探测失败等）未能测量，不计为网站问题，也不扣分。</p>");
        if (missing.Count == 0)
        {
            page.Line("<p>全部项目均已测量。</p>");
        }
        else
        {
            page.Line("<table><thead><tr><th>规则</th><th>原因</th></tr></thead><tbody>");
            foreach (var item in missing)
            {
                page.Line($"<tr><td>{E(RuleName(item.Rule))} <code>{E(item.Rule)}</code></td><td>{E(item.Reason)}</td></tr>");
            }

            page.Line("</tbody></table>");
        }

        page.Line("</section>");
    }

    private static string RuleName(string id) => RuleCatalogue.All.FirstOrDefault(r => r.Id == id)?.Name ?? id;

    private static int RuleOrder(string id)
    {
        var index = RuleCatalogue.All.ToList().FindIndex(r => r.Id == id);
        return index < 0 ? int.MaxValue : index;
    }

    private static string SeverityName(Severity severity) => severity switch
    {
        Severity.Veto => "单项否决",
        Severity.Deduction => "扣分项",
        Severity.Warning => "提示",
        _ => "信息",
    };

    private static string ClassName(string id) => id switch
    {
        "news" => "动态要闻",
        "notice" => "通知公告",
        "policy" => "政策文件",
        "personnel" => "人事信息",
        "plan" => "规划计划",
        "static" => "机构概况",
        "interaction" => "互动交流",
        _ => "其他",
    };

    private static string Date(DateTimeOffset value) => value.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Short(string sha) => sha.Length > 16 ? sha[..16] + "…" : sha;
}
