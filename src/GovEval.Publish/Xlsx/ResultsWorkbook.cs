using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovEval.Core.Results;

namespace GovEval.Publish.Xlsx;

/// <summary>
/// results.xlsx: an overview (the release's facts, movement sentences and findings), a sheet per cohort in
/// publication order, grade counts and movements, rank changes, and the score-sheet detail (every indicator line of
/// every unit with its evidence) when the release has sheets, continued on further sheets past Excel's row limit.
/// </summary>
public static class ResultsWorkbook
{
    public const string FileName = "results.xlsx";
    public const string DetailSheet = "评分明细";

    /// <summary>Excel's limit: 1,048,576 rows a sheet, header included.</summary>
    public const int ExcelRowLimit = 1_048_576;

    public static string Write(Release release, string directory, int rowLimit = ExcelRowLimit)
    {
        var path = Path.Combine(directory, FileName);
        WriteFile(release, path, rowLimit);
        return path;
    }

    private static void WriteFile(Release release, string path, int rowLimit)
    {
        var lookup = new ReleaseLookup(release);
        using var document = SpreadsheetDocument.Create(path, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Build();
        var strings = new SharedStrings();
        var names = new WorksheetNames();
        var sheets = new Sheets();

        SheetWriter Add(string wanted, IReadOnlyList<string> header, IReadOnlyList<double> widths)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            sheets.Append(new Sheet { Name = names.Unique(wanted), SheetId = (uint)sheets.ChildElements.Count + 1, Id = workbook.GetIdOfPart(part) });
            return new SheetWriter(part, strings, header, widths);
        }

        WriteOverview(release, Add);
        foreach (var cohort in release.Cohorts)
        {
            WriteCohort(cohort, lookup, Add);
        }

        if (release.Transitions.Count > 0)
        {
            WriteTransitions(release, Add);
        }

        if (release.RankChanges.Count > 0)
        {
            WriteRankChanges(release, Add);
        }

        if (release.Changes is not null)
        {
            WriteChanges(lookup, Add);
        }

        if (release.Sheets.Count > 0)
        {
            WriteDetails(lookup, Add, rowLimit);
        }

        strings.WriteTo(workbook.AddNewPart<SharedStringTablePart>());
        workbook.Workbook = new Workbook(sheets);
    }

    private static void WriteOverview(Release release, Func<string, IReadOnlyList<string>, IReadOnlyList<double>, SheetWriter> add)
    {
        using var sheet = add("概览", ["项目", "内容"], [18, 90]);
        sheet.Row(["标题", release.Title]);
        sheet.Row(["评估年度", XCell.Of(release.Year)]);
        sheet.Row(["指标体系", $"{release.Framework.Name}（{release.Framework.Id} {release.Framework.Version}）"]);
        sheet.Row(["评分引擎", release.Framework.EngineVersion ?? "外部评分（总分表）"]);
        sheet.Row(["数据来源", release.Run]);
        if (release.PreviousYear is { } previous)
        {
            sheet.Row(["对比年度", XCell.Of(previous)]);
        }

        foreach (var summary in release.Transitions)
        {
            foreach (var sentence in summary.Sentences)
            {
                sheet.Row([$"组别变动（{summary.ScopeName}）", sentence]);
            }
        }

        foreach (var group in release.Statistics)
        {
            sheet.Row(["评估发现", group.Sentence]);
        }

        sheet.Row(["排名稳定性", StabilityText.Note(release)]);
        if (release.Changes is { } changes)
        {
            sheet.Row(["变动归因", $"与{changes.PreviousRun ?? "上轮"}（{changes.PreviousFramework}）相比，见“{ChangesSheet}”表；{(changes.SameFramework ? "逐项比较问题、录入值和测量值" : "部分单位两轮所用指标体系不同，仅按指标归因")}"]);
        }
    }

    private static void WriteCohort(CohortResults cohort, ReleaseLookup lookup, Func<string, IReadOnlyList<string>, IReadOnlyList<double>, SheetWriter> add)
    {
        var withChanges = lookup.HasRankChanges(cohort.Cohort.Id);
        var stable = lookup.Release.Stability.Computed;
        List<string> header = ["排名", "单位代码", "单位名称", "简称", "总分", "等级", "一票否决", "状态"];
        if (withChanges)
        {
            header.Add("上年排名");
        }

        if (stable)
        {
            header.AddRange(["排名中位数", "排名区间下限", "排名区间上限", "总分中位数", "总分区间下限", "总分区间上限", "定级得分区间", "等级稳健性"]);
        }

        using var sheet = add(cohort.Cohort.Name, header, [8, 12, 30, 20, 10, 10, 10, 10, 10, 10, 12, 12, 10, 12, 12, 14, 10]);
        foreach (var unit in cohort.Units)
        {
            List<XCell> cells =
            [
                XCell.Of(unit.Rank),
                unit.Unit.Code,
                unit.Unit.Name,
                unit.Unit.Short,
                XCell.Of(unit.Total, cohort.Cohort.Precision),
                lookup.GradeLabel(unit.Grade),
                unit.Vetoed ? "是" : "否",
                !unit.Assessed ? "未评估" : unit.Vetoed ? "否决" : "已评估",
            ];
            if (withChanges)
            {
                cells.Add(XCell.Of(lookup.RankChange(cohort.Cohort.Id, unit.Unit.Code)?.Before));
            }

            if (stable && lookup.Stability(cohort.Cohort.Id, unit.Unit.Code) is { } stability)
            {
                var precision = cohort.Cohort.Precision;
                cells.AddRange([
                    XCell.Of(stability.MedianRank), XCell.Of(stability.RankLow), XCell.Of(stability.RankHigh),
                    XCell.Of(stability.MedianTotal, precision), XCell.Of(stability.TotalLow, precision), XCell.Of(stability.TotalHigh, precision),
                    stability.Grade is { } grade ? StabilityText.Basis(grade) : null,
                    stability.Grade is { } robust ? StabilityText.Robustness(robust) : null,
                ]);
            }

            sheet.Row(cells);
        }
    }

    private static void WriteTransitions(Release release, Func<string, IReadOnlyList<string>, IReadOnlyList<double>, SheetWriter> add)
    {
        var previous = release.PreviousYear?.ToString(CultureInfo.InvariantCulture) ?? "上年";
        using (var counts = add("等级分布", ["范围", "等级", $"{previous}年", $"{release.Year}年"], [20, 10, 10, 10]))
        {
            foreach (var summary in release.Transitions)
            {
                foreach (var count in summary.Counts)
                {
                    counts.Row([summary.ScopeName, count.Label, XCell.Of(count.Before), XCell.Of(count.After)]);
                }
            }
        }

        using var moves = add("等级变动", ["范围", "单位代码", "单位名称", "原等级", "现等级"], [20, 12, 30, 10, 10]);
        foreach (var summary in release.Transitions.Where(t => t.Scope != "all"))
        {
            foreach (var move in summary.Movements)
            {
                moves.Row([summary.ScopeName, move.Unit.Code, move.Unit.Name, release.Framework.Grades.Label(move.From), release.Framework.Grades.Label(move.To)]);
            }
        }
    }

    private static void WriteRankChanges(Release release, Func<string, IReadOnlyList<string>, IReadOnlyList<double>, SheetWriter> add)
    {
        var names = release.Cohorts.ToDictionary(c => c.Cohort.Id, c => c.Cohort.Name, StringComparer.Ordinal);
        using var sheet = add("排名变化", ["范围", "单位代码", "单位名称", "上年排名", "本年排名", "变化"], [20, 12, 30, 10, 10, 10]);
        foreach (var change in release.RankChanges)
        {
            sheet.Row([names.GetValueOrDefault(change.CohortId, change.CohortId), change.Unit.Code, change.Unit.Name, XCell.Of(change.Before), XCell.Of(change.After), XCell.Of(change.Delta)]);
        }
    }

    public const string ChangesSheet = "变动归因";

    /// <summary>One row per item that moved a unit's points (and its rounding), so a filter on a unit reads its whole change.</summary>
    private static void WriteChanges(ReleaseLookup lookup, Func<string, IReadOnlyList<string>, IReadOnlyList<double>, SheetWriter> add)
    {
        var decimals = lookup.Release.Changes!.Decimals;
        using var sheet = add(ChangesSheet,
            ["单位代码", "单位名称", "上轮总分", "本轮总分", "总分变化", "一级指标", "指标", "指标分值变化", "类型", "变化", "规则", "网址", "原值", "现值", "分值变化", "说明"],
            [12, 24, 10, 10, 10, 18, 24, 12, 10, 10, 24, 40, 20, 20, 10, 60]);
        foreach (var change in lookup.ChangesInOrder())
        {
            var name = lookup.Unit(change.Code)?.Name ?? change.Code;
            List<XCell> Head() => [change.Code, name, XCell.Of(change.Before, decimals), XCell.Of(change.After, decimals), XCell.Of(change.Delta, decimals)];
            foreach (var part in change.Indicators)
            {
                foreach (var item in part.Items)
                {
                    sheet.Row([.. Head(), part.GroupName, part.Name, XCell.Of(part.Points, decimals), StabilityText.KindName(item.Kind), StabilityText.ChangeName(item),
                        item.Rule, item.Url, item.Before, item.After, XCell.Of(item.Points, decimals), item.Text]);
                }
            }

            if (change.Rounding != 0)
            {
                sheet.Row([.. Head(), "", "四舍五入", XCell.Of(change.Rounding, decimals), "", "", null, null, null, null, XCell.Of(change.Rounding, decimals), "总分及各级指标按规定位数取舍"]);
            }

            if (change.Note is { } note)
            {
                sheet.Row([.. Head(), "", "", default, "", "", null, null, null, null, default, note]);
            }
        }
    }

    private static void WriteDetails(ReleaseLookup lookup, Func<string, IReadOnlyList<string>, IReadOnlyList<double>, SheetWriter> add, int rowLimit)
    {
        double[] widths = [12, 24, 16, 30, 6, 12, 8, 8, 40, 8, 10, 24, 40, 40, 30, 40, 66, 26, 20, 10, 16];
        var part = 1;
        var sheet = add(DetailSheet, ScoreDetailRows.Header, widths);
        try
        {
            foreach (var row in ScoreDetailRows.Of(lookup))
            {
                if (sheet.Rows >= rowLimit)
                {
                    sheet.Dispose();
                    sheet = add($"{DetailSheet} {++part}", ScoreDetailRows.Header, widths);
                }

                var e = row.Evidence;
                sheet.Row([
                    row.Sheet.UnitCode,
                    row.UnitName,
                    row.Node.Id,
                    row.Node.Name,
                    XCell.Of(row.Depth),
                    StatusNames.Of(row.Node.Status),
                    XCell.Of(row.Node.Max, Decimals(row.Node.Max)),
                    XCell.Of(row.Node.Earned, Decimals(row.Node.Earned)),
                    row.Line?.Text,
                    row.Line is { } line ? XCell.Of(line.Points, Decimals(line.Points)) : default,
                    e?.Kind, e?.Rule, e?.Url, e?.Page, e?.Warc, e?.Record, e?.Sha256, Numbers.Time(e?.CapturedAt), e?.Source, e?.Assessor, e?.Value,
                ]);
            }
        }
        finally
        {
            sheet.Dispose();
        }
    }

    /// <summary>Decimals a value needs to show as stored (5 → 0, 0.25 → 2), capped at the styles available.</summary>
    private static int Decimals(decimal value)
    {
        var normal = value / 1.0000000000000000000000000000m;
        return Math.Min(4, (decimal.GetBits(normal)[3] >> 16) & 0xFF);
    }
}
