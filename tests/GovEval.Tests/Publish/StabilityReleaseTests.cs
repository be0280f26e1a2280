using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Publish;
using GovEval.Publish.Html;
using GovEval.Publish.Json;
using GovEval.Publish.Xlsx;
using GovEval.Tests.Results;

namespace GovEval.Tests.Publish;

/// <summary>Rank intervals and change attribution in every format of a release: results.json, index.html, the unit pages, results.xlsx.</summary>
public sealed class StabilityReleaseTests
{
    /// <summary>Twelve units ranked two rounds running; U3 gains 甲二 points this round, U5 loses 乙一 points.</summary>
    private static Release Ranked()
    {
        var framework = StabilityCases.Framework();
        var registry = StabilityCases.Registry(12, CohortResult.Ranked);
        var before = StabilityCases.Random(framework, 12, seed: 21);
        var after = before.Select(s => s.UnitCode switch
        {
            "U3" => StabilityCases.Sheet(framework, "U3", s.Node("a.one")!.Earned, 20m, s.Node("b.one")!.Earned),
            "U5" => StabilityCases.Sheet(framework, "U5", s.Node("a.one")!.Earned, s.Node("a.two")!.Earned, 1m),
            _ => s,
        }).ToList();
        return StabilityCases.Build(framework, registry, after, before);
    }

    /// <summary>Two units on 85.0, one whose grade depends on the weights.</summary>
    private static Release Graded()
    {
        var framework = StabilityCases.Framework();
        var registry = StabilityCases.Registry(2, CohortResult.Graded);
        return StabilityCases.Build(framework, registry, [StabilityCases.Sheet(framework, "U1", 30m, 20m, 35m), StabilityCases.Sheet(framework, "U2", 25.5m, 17m, 42.5m)]);
    }

    [Fact]
    public void Results_json_has_each_units_interval_the_method_and_the_attribution()
    {
        var release = Ranked();
        using var stream = new MemoryStream();
        ResultsJson.Write(release, stream);
        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;

        var method = root.GetProperty("stability");
        Assert.True(method.GetProperty("computed").GetBoolean());
        Assert.Equal(0.25m, method.GetProperty("spread").GetDecimal());
        Assert.Equal(400, method.GetProperty("samples").GetInt32());
        Assert.Equal(7, method.GetProperty("seed").GetInt64());
        Assert.Equal([5, 95], method.GetProperty("percentiles").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Contains("±25%", method.GetProperty("method").GetString());

        var units = root.GetProperty("cohorts")[0].GetProperty("units").EnumerateArray().ToList();
        Assert.All(units, unit =>
        {
            var stability = unit.GetProperty("stability");
            foreach (var field in new[] { "rank", "rankMedian", "rankLow", "rankHigh", "total", "totalMedian", "totalLow", "totalHigh", "grade" })
            {
                Assert.True(stability.TryGetProperty(field, out _), $"stability field '{field}' missing");
            }

            Assert.Equal(unit.GetProperty("rank").GetInt32(), stability.GetProperty("rank").GetInt32());
            Assert.InRange(stability.GetProperty("rank").GetInt32(), stability.GetProperty("rankLow").GetInt32(), stability.GetProperty("rankHigh").GetInt32());
        });
        var grade = units[0].GetProperty("stability").GetProperty("grade");
        Assert.True(grade.ValueKind == JsonValueKind.Null || grade.TryGetProperty("robust", out _));

        var changes = root.GetProperty("changes");
        Assert.True(changes.GetProperty("sameFramework").GetBoolean());
        Assert.Equal(2, changes.GetProperty("decimals").GetInt32());
        var changed = changes.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!);
        Assert.Equal(12, changed.Count);
        var u5 = changed["U5"];
        var part = Assert.Single(u5.GetProperty("indicators").EnumerateArray());
        Assert.Equal(("b.one", "b", "乙"), (part.GetProperty("indicator").GetString(), part.GetProperty("group").GetString(), part.GetProperty("groupName").GetString()));
        var item = Assert.Single(part.GetProperty("items").EnumerateArray());
        Assert.Equal(("input", "changed", "1"), (item.GetProperty("kind").GetString(), item.GetProperty("change").GetString(), item.GetProperty("after").GetString()));
        Assert.Equal(u5.GetProperty("delta").GetDecimal(), part.GetProperty("points").GetDecimal() + u5.GetProperty("rounding").GetDecimal());
        Assert.Empty(changed["U1"].GetProperty("indicators").EnumerateArray());
    }

    [Fact]
    public void The_full_table_has_a_compact_interval_column_and_marks_grades_that_are_not_robust()
    {
        var ranked = Ranked();
        var page = new HtmlParser().ParseDocument(ReleasePage.Render(ranked));
        var table = page.GetElementById("table-test-ranked")!.NextElementSibling!;
        var headers = table.QuerySelectorAll("thead th").Select(th => th.TextContent).ToList();
        Assert.Equal(["排名", "排名区间", "单位", "代码", "总分", "等级", "上年排名", "备注"], headers);
        foreach (var row in table.QuerySelectorAll("tbody tr"))
        {
            var cells = row.QuerySelectorAll("td").Select(td => td.TextContent).ToList();
            var unit = ranked.Cohorts[0].Units.Single(u => u.Unit.Code == cells[3]);
            var stability = ranked.Stability.Of("test-ranked", unit.Unit.Code)!;
            Assert.Equal(stability.RankLow == stability.RankHigh ? $"{stability.RankLow}" : $"{stability.RankLow}–{stability.RankHigh}", cells[1]);
        }

        Assert.Contains(page.QuerySelectorAll("p.note"), p => p.TextContent.StartsWith("排名区间、总分区间：", StringComparison.Ordinal) && p.TextContent.Contains("随机种子7"));

        var graded = new HtmlParser().ParseDocument(ReleasePage.Render(Graded()));
        var gradedTable = graded.GetElementById("table-test-graded")!.NextElementSibling!;
        Assert.Contains("总分区间", gradedTable.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var rows = gradedTable.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelectorAll("td")[2].TextContent, r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList());
        Assert.Equal("优秀级（不稳健）", rows["U1"][4]);
        Assert.Equal("优秀级", rows["U2"][4]);
        Assert.Equal("85.0", rows["U2"][0]);
        Assert.Matches(@"^\d+\.\d–\d+\.\d$", rows["U1"][0]);
    }

    [Fact]
    public void A_units_page_says_why_its_total_and_rank_moved_row_by_row()
    {
        var release = Ranked();
        var lookup = new ReleaseLookup(release);
        var change = release.Changes!.Units["U3"];
        var html = ScoreSheetPage.Render(lookup, release.Sheets["U3"]);
        var page = new HtmlParser().ParseDocument(html);

        var section = page.GetElementById("changes")!;
        Assert.Equal("与2019年相比", section.QuerySelector("h2")!.TextContent);
        Assert.Contains($"（{StabilityText.Signed(change.Delta, 2)}）", section.QuerySelector("p")!.TextContent);
        var rank = release.RankChanges.Single(r => r.Unit.Code == "U3");
        if (rank.Before != rank.After)
        {
            Assert.Contains($"排名由{ChineseNumerals.Ordinal(rank.Before!.Value)}升至{ChineseNumerals.Ordinal(rank.After!.Value)}", section.QuerySelector("p")!.TextContent);
        }

        var rows = section.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(["甲 / 甲二 a.two", StabilityText.Signed(change.Indicators[0].Points, 2)], rows[0]);
        Assert.Equal("录入值", rows[1][1]);
        Assert.StartsWith("录入值由“", rows[1][3]);
        Assert.Equal(["合计", StabilityText.Signed(change.Delta, 2)], rows[^1]);
        Assert.Contains("排名区间", page.QuerySelectorAll("th").Select(th => th.ParentElement!.TextContent).First(t => t.Contains("权重扰动", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_workbook_has_interval_columns_and_an_attribution_sheet()
    {
        using var folder = new TempFolder();
        var release = Ranked();
        var path = ResultsWorkbook.Write(release, folder.Path);

        using var xlsx = new XlsxReader(path);
        Assert.Contains(ResultsWorkbook.ChangesSheet, xlsx.SheetNames);
        var cohort = xlsx.Rows("测试部门");
        Assert.Equal(["排名", "单位代码", "单位名称", "简称", "总分", "等级", "一票否决", "状态", "上年排名", "排名中位数", "排名区间下限", "排名区间上限", "总分中位数", "总分区间下限", "总分区间上限", "定级得分区间", "等级稳健性"], xlsx.Texts(cohort[0]));
        var attribution = xlsx.Rows(ResultsWorkbook.ChangesSheet);
        var u5 = attribution.Skip(1).Select(xlsx.Texts).Where(r => r[0] == "U5").ToList();
        Assert.Contains(u5, r => r.Contains("b.one") || r.Contains("乙一"));
        Assert.Contains(xlsx.Rows("概览").Select(xlsx.Texts), r => r[0] == "排名稳定性" && r[1].Contains("共400次", StringComparison.Ordinal));
    }

    [Fact]
    public void Results_csv_carries_each_units_interval_robustness_and_change_in_fixed_columns()
    {
        using var folder = new TempFolder();
        var release = Ranked();
        GovEval.Publish.Csv.ResultsCsv.Write(release, folder.Path);

        var lines = File.ReadAllLines(Path.Combine(folder.Path, GovEval.Publish.Csv.ResultsCsv.ResultsFile));
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        Assert.Equal(["rank_median", "rank_low", "rank_high", "total_median", "total_low", "total_high", "grade_robust", "total_change"], header[12..]);
        var lookup = new GovEval.Publish.ReleaseLookup(release);
        var cohort = release.Cohorts[0];
        var u5 = cohort.Units.Single(u => u.Unit.Code == "U5");
        var stability = lookup.Stability(cohort.Cohort.Id, "U5")!;
        var row = lines.Skip(1).Select(l => l.Split(',')).Single(r => r[3] == "U5");
        Assert.Equal(new[] { stability.MedianRank, stability.RankLow, stability.RankHigh }.Select(r => r!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), row[12..15]);
        Assert.True(int.Parse(row[13]) <= u5.Rank && u5.Rank <= int.Parse(row[14]));
        Assert.Equal(lookup.Change("U5")!.Delta, decimal.Parse(row[19], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(lookup.Change("U5")!.Delta < 0);
    }

    [Fact]
    public void The_stability_output_is_the_same_bytes_every_time()
    {
        var first = Encoding.UTF8.GetString(Render(Ranked()));
        var second = Encoding.UTF8.GetString(Render(Ranked()));
        Assert.Equal(first, second);
        Assert.Contains("\"rankLow\"", first);
    }

    private static byte[] Render(Release release)
    {
        using var stream = new MemoryStream();
        ResultsJson.Write(release, stream);
        return [.. stream.ToArray(), .. Encoding.UTF8.GetBytes(ReleasePage.Render(release))];
    }
}
