using GovEval.Core.Tables;
using GovEval.Publish.Csv;

namespace GovEval.Tests.Publish;

public sealed class CsvTests
{
    [Fact]
    public void Results_csv_starts_with_a_bom_and_reads_back()
    {
        using var folder = new TempFolder();
        var written = ResultsCsv.Write(SampleReleases.Website, folder.Path);

        Assert.Equal([folder[ResultsCsv.ResultsFile]], written);
        var bytes = File.ReadAllBytes(written[0]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var table = TableReader.ReadCsv(written[0]);
        Assert.Equal(SampleReleases.Website.Cohorts.Sum(c => c.Units.Count), table.Rows.Count);
        var first = table.Rows[0];
        Assert.Equal(("ministry-constituent", "1", "SC020", "商务部", "95.0"), (first["cohort"], first["rank"], first["code"], first["short"], first["total"]));
        Assert.False(File.Exists(folder[ResultsCsv.DetailsFile]));
    }

    [Fact]
    public void Score_details_list_every_line_with_its_evidence()
    {
        using var folder = new TempFolder();
        var release = SampleReleases.WithSheets();

        ResultsCsv.Write(release, folder.Path);

        var details = TableReader.ReadCsv(folder[ResultsCsv.DetailsFile]);
        var beijing = details.Rows.Where(r => r["单位代码"] == "110000").ToList();
        Assert.Equal(["root", "veto.security", "links", "links", "rest"], beijing.Select(r => r["指标编号"]));
        var broken = beijing.Single(r => r["规则"] == "links.broken");
        Assert.Equal(("首页链接不可用 1 个，扣 1 分", "-1", "crawl-20201130.warc.gz", "2020-11-30T09:15:00+08:00"), (broken["说明"], broken["分值"], broken["WARC 文件"], broken["采集时间"]));
        var input = beijing.Single(r => r["证据类型"] == "input");
        Assert.Equal(("inputs.csv:7", "李四"), (input["来源"], input["评估人"]));
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_defused_and_quotes_survive()
    {
        using var folder = new TempFolder();
        var registry = SampleReleases.HostileRegistry();
        var release = new GovEval.Core.Results.ReleaseBuilder(SampleReleases.CheckFramework(), registry, [registry.Cohort("hostile")])
            .FromTotals(TableReader.ReadCsv(new StringReader("unit,total\nH1,90\nH2,80\n"), "scores.csv"), null, new GovEval.Core.Results.ReleaseOptions(2020, "scores.csv"));

        ResultsCsv.Write(release, folder.Path);

        var rows = TableReader.ReadCsv(folder[ResultsCsv.ResultsFile]).Rows;
        var h2 = rows.Single(r => r["code"] == "H2");
        Assert.Equal("'=HYPERLINK(\"http://evil.example/\",\"点击\")", h2["name"]);
        Assert.Equal("\"引号\",逗号", h2["short"]);
        Assert.Equal("80.0", h2["total"]);
    }
}
