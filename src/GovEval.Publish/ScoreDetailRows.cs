using GovEval.Core.Scoring;

namespace GovEval.Publish;

/// <summary>
/// One row of the score-sheet detail (CSV and XLSX): an indicator of a unit, and when the indicator has explained
/// lines, one row per line and evidence reference, so every point can be filtered and traced in a spreadsheet.
/// </summary>
public sealed record ScoreDetailRow(ScoreSheet Sheet, string UnitName, ScoreNode Node, int Depth, ScoreLine? Line, EvidenceRef? Evidence);

public static class ScoreDetailRows
{
    public static readonly string[] Header =
    [
        "单位代码", "单位名称", "指标编号", "指标名称", "层级", "状态", "满分", "得分", "说明", "分值",
        "证据类型", "规则", "问题地址", "发现页面", "WARC 文件", "记录编号", "SHA-256", "采集时间", "来源", "评估人", "录入值",
    ];

    public static IEnumerable<ScoreDetailRow> Of(ReleaseLookup lookup)
    {
        foreach (var sheet in lookup.SheetsInOrder())
        {
            var name = lookup.Unit(sheet.UnitCode)?.Name ?? sheet.UnitCode;
            foreach (var row in Walk(sheet, name, sheet.Root, 0))
            {
                yield return row;
            }
        }
    }

    private static IEnumerable<ScoreDetailRow> Walk(ScoreSheet sheet, string name, ScoreNode node, int depth)
    {
        if (node.Lines.Count == 0)
        {
            yield return new ScoreDetailRow(sheet, name, node, depth, null, null);
        }

        foreach (var line in node.Lines)
        {
            if (line.Evidence.Count == 0)
            {
                yield return new ScoreDetailRow(sheet, name, node, depth, line, null);
            }

            foreach (var evidence in line.Evidence)
            {
                yield return new ScoreDetailRow(sheet, name, node, depth, line, evidence);
            }
        }

        foreach (var child in node.Children.SelectMany(c => Walk(sheet, name, c, depth + 1)))
        {
            yield return child;
        }
    }
}
