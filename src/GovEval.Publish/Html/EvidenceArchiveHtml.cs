using GovEval.Publish.SiteReports;
using static GovEval.Publish.Html.HtmlDocument;

namespace GovEval.Publish.Html;

/// <summary>
/// The 证据存档 section: the responses findings point to, as escaped source (no script runs, personal data already
/// masked by whoever captured them), each with its WARC file, record id, SHA-256 and capture time. Shared by the
/// site report of `check` and the per-unit score sheets of a release, so a supervisor clicks from a lost point to
/// the page as it was.
/// </summary>
public static class EvidenceArchiveHtml
{
    /// <summary>Record id → the anchor of its capture in <see cref="Section"/>.</summary>
    public static IReadOnlyDictionary<string, string> Anchors(IReadOnlyList<CapturedPage> captures) =>
        captures
            .Select((capture, index) => (capture.Evidence.Record, Id: $"capture-{index + 1}"))
            .GroupBy(a => a.Record, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

    public static void Section(HtmlDocument page, IReadOnlyList<CapturedPage> captures)
    {
        page.Line("<section class=\"block\" id=\"archive\">")
            .Line("<h2>证据存档</h2>")
            .Line("<p class=\"note\">以下为问题所在页面采集时的原始响应（WARC 1.1 存档），以源代码形式显示，不执行其中的脚本；个人信息已做脱敏处理。可用 WARC 文件名与记录编号在存档中核对，SHA-256 为响应内容摘要。</p>");
        if (captures.Count == 0)
        {
            page.Line("<p>无。</p>");
        }

        for (var i = 0; i < captures.Count; i++)
        {
            var capture = captures[i];
            page.Line($"<h3 id=\"capture-{i + 1}\">{i + 1}. <code>{E(capture.Url)}</code></h3>")
                .Line("<table><tbody>")
                .Line($"<tr><th>采集时间</th><td>{E(Numbers.Time(capture.Evidence.CapturedAt))}</td></tr>")
                .Line($"<tr><th>WARC 文件</th><td><code>{E(capture.Evidence.Warc)}</code></td></tr>")
                .Line($"<tr><th>记录编号</th><td><code>{E(capture.Evidence.Record)}</code></td></tr>")
                .Line($"<tr><th>SHA-256</th><td><code>{E(capture.Evidence.Sha256)}</code></td></tr>")
                .Line($"<tr><th>内容类型</th><td><code>{E(capture.ContentType)}</code></td></tr>")
                .Line("</tbody></table>")
                .Line($"<details><summary>页面源代码{(capture.Truncated ? "（过长，仅显示开头部分）" : "")}</summary><pre class=\"source\">{E(capture.Text)}</pre></details>");
        }

        page.Line("</section>");
    }
}
