using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using GovEval.Publish.Xlsx;

namespace GovEval.Tests.Publish;

public sealed class XlsxTests
{
    [Fact]
    public void Has_an_overview_and_a_sheet_per_cohort_with_numbers_as_numbers()
    {
        using var folder = new TempFolder();
        var path = ResultsWorkbook.Write(SampleReleases.Website, folder.Path);

        using var xlsx = new XlsxReader(path);
        Assert.Equal(["概览", "国务院组成部门", "国务院其他部门", "直辖市", "省、自治区", "副省级城市", "省会城市", "地市", "区县"], xlsx.SheetNames);
        var rows = xlsx.Rows("国务院组成部门");
        Assert.Equal(27, rows.Count);
        Assert.Equal(["排名", "单位代码", "单位名称", "简称", "总分", "等级", "一票否决", "状态"], xlsx.Texts(rows[0]));
        Assert.All(rows[0].Elements<Cell>(), c => Assert.Equal(XlsxStyles.Header, c.StyleIndex!.Value));
        var commerce = rows[1].Elements<Cell>().ToList();
        Assert.Equal("商务部", xlsx.Text(commerce[3]));
        Assert.Equal(CellValues.Number, commerce[0].DataType!.Value);
        Assert.Equal("1", commerce[0].CellValue!.Text);
        Assert.Equal(CellValues.Number, commerce[4].DataType!.Value);
        Assert.Equal(95m, decimal.Parse(commerce[4].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(XlsxStyles.Number(1), commerce[4].StyleIndex!.Value);
        Assert.Equal(2845, xlsx.Rows("区县").Count);
        var bold = xlsx.Styles.Fonts!.Elements<Font>().ElementAt(1);
        Assert.NotNull(bold.Bold);
    }

    [Fact]
    public void The_workbook_is_valid_open_xml()
    {
        using var folder = new TempFolder();
        var path = ResultsWorkbook.Write(SampleReleases.WithSheets(), folder.Path);

        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Score_sheet_detail_lists_every_indicator_line_and_movements_get_their_sheets()
    {
        using var folder = new TempFolder();
        var path = ResultsWorkbook.Write(SampleReleases.WithSheets(), folder.Path);

        using var xlsx = new XlsxReader(path);
        Assert.Equal(["概览", "直辖市", "排名变化", "变动归因", "评分明细"], xlsx.SheetNames);
        var detail = xlsx.Rows("评分明细");
        Assert.Equal(1 + (4 * 5), detail.Count); // header; root, veto, two lines of links, rest for each unit
        Assert.Contains(detail.Select(xlsx.Texts), t => t.Contains("网站被篡改") && t.Contains("否决项命中"));
        var broken = detail.Select(xlsx.Texts).First(t => t.Contains("links.broken"));
        Assert.Contains("<urn:uuid:3f1c9a52-0000-4000-8000-000000000001>", broken);
        Assert.Contains("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", broken);
        var cohort = xlsx.Rows("直辖市").Select(xlsx.Texts).ToList();
        Assert.Equal("上年排名", cohort[0][^1]);
        Assert.Equal(["1", "110000", "北京市", "北京市", "92.5", "合格", "否", "已评估", "4"], cohort[1]);
        Assert.Equal(["500000", "重庆市", "重庆市", "95", "不合格", "是", "否决", "1"], cohort[4]);
    }

    [Fact]
    public void The_detail_continues_on_new_sheets_past_the_row_limit()
    {
        using var folder = new TempFolder();
        var path = ResultsWorkbook.Write(SampleReleases.WithSheets(), folder.Path, rowLimit: 8);

        using var xlsx = new XlsxReader(path);
        var details = xlsx.SheetNames.Where(n => n.StartsWith("评分明细", StringComparison.Ordinal)).ToList();
        Assert.Equal(["评分明细", "评分明细 2", "评分明细 3"], details);
        Assert.All(details, d => Assert.True(xlsx.Rows(d).Count <= 8));
        Assert.Equal(20, details.Sum(d => xlsx.Rows(d).Count - 1));
    }

    [Fact]
    public void Movements_get_grade_count_and_movement_sheets()
    {
        using var folder = new TempFolder();
        var path = ResultsWorkbook.Write(SampleReleases.Capability, folder.Path);

        using var xlsx = new XlsxReader(path);
        Assert.Equal(["概览", "省级", "重点城市", "等级分布", "等级变动"], xlsx.SheetNames);
        var overview = xlsx.Rows("概览").Select(r => xlsx.Texts(r)).ToList();
        Assert.Contains(overview, r => r.Count == 2 && r[1] == "起步级：减少至10个");
        Assert.Equal(7, xlsx.Rows("等级变动").Count - 1);
    }

    [Theory]
    [InlineData("省、自治区", "省、自治区")]
    [InlineData("a/b\\c?d*e[f]g:h", "a_b_c_d_e_f_g_h")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("history", "history_")]
    [InlineData("", "Sheet")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")]
    public void Sheet_names_are_valid(string wanted, string expected)
    {
        Assert.Equal(expected, new WorksheetNames().Unique(wanted));
    }

    [Fact]
    public void Sheet_names_are_unique_ignoring_case_and_stay_short()
    {
        var names = new WorksheetNames();
        var long31 = new string('长', 31);

        Assert.Equal("Cohort", names.Unique("Cohort"));
        Assert.Equal("cohort (2)", names.Unique("cohort"));
        Assert.Equal(long31, names.Unique(long31));
        var second = names.Unique(long31);
        Assert.Equal(new string('长', 27) + " (2)", second);
        Assert.True(second.Length <= 31);
    }
}
