using System.Text.Json;
using GovEval.Cli.Collection;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Publish.SiteReports;

namespace GovEval.Tests.Cli;

/// <summary>
/// Issue 19, row 8 through the commands: a unit lacking what its framework needs for a verdict is "not assessed"
/// with the reason in the score sheet, results.json, the release and check's report.json, and is never ranked.
/// </summary>
public sealed class NotAssessedCliTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task A_unit_never_collected_with_one_bonus_input_is_not_assessed_in_score_and_publish()
    {
        // Before: 北京市 was graded 不合格 0.0 and ranked first, the three units without input "not assessed".
        var run = (await workspace.RunOkAsync("runs", "create", "--name", "never collected", "--framework", "gov-website-check-2019",
            "--cohort", "municipality", "--now", "2020-11-30")).Out.Trim();
        await workspace.RunOkAsync("inputs", "import", "--run", run, workspace.Write("bonus.csv", "unit,indicator,value\n北京市,bonus.innovation,5\n"));

        var scored = await workspace.RunOkAsync("score", "--run", run);
        Assert.Contains("municipality: 0 of 4 assessed", scored.Out);
        Assert.DoesNotContain("first:", scored.Out);

        var release = Path.Combine(workspace.Folder, "release");
        await workspace.RunOkAsync("publish", "--run", run, "--out", release, "--format", "json,html");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(release, "results.json")));
        var units = json.RootElement.GetProperty("cohorts")[0].GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(4, units.Count);
        Assert.All(units, u =>
        {
            Assert.False(u.GetProperty("assessed").GetBoolean());
            Assert.Equal(JsonValueKind.Null, u.GetProperty("rank").ValueKind);
            Assert.Equal(JsonValueKind.Null, u.GetProperty("grade").ValueKind);
            Assert.Equal(JsonValueKind.Null, u.GetProperty("total").ValueKind);
        });
        var beijing = units.Single(u => u.GetProperty("code").GetString() == "110000");
        Assert.StartsWith("不满足“首页已读取”（首页栏目：未进行自动采集）", beijing.GetProperty("notAssessedReason").GetString());
        var shanghai = units.Single(u => u.GetProperty("code").GetString() == "310000");
        Assert.Equal("未采集到任何测量值或录入值", shanghai.GetProperty("notAssessedReason").GetString());

        var index = File.ReadAllText(Path.Combine(release, "index.html"));
        Assert.Contains("未评估：不满足“首页已读取”", index);
        Assert.DoesNotContain("第一名", index);
        Assert.Contains("本单位未评估：不满足“首页已读取”", File.ReadAllText(Path.Combine(release, "units", "110000.html")));
    }

    [Fact]
    public void Check_of_a_homepage_too_large_to_read_reports_not_assessed_rather_than_passed()
    {
        // What collection gives for an endless body or a gzip bomb: the size cap stopped every fetch of the homepage,
        // which is no failure of a visit, so availability is clean and every homepage-reading rule is blind.
        const string home = "http://www.example.gov.cn/";
        var now = new DateTimeOffset(2020, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));
        var tooLarge = new FetchOutcome(home, FetchStatus.TooLarge, 200, home, [], "text/html", null, TimeSpan.FromSeconds(2), "the body exceeds the size cap", null);
        var observation = new SiteObservation(
            home,
            now,
            [new PageObservation(home, tooLarge, new Dictionary<string, string>(), null, null, 0, null, now)],
            [],
            Enumerable.Range(0, 5).Select(i => new AvailabilitySample(now.AddMinutes(i), tooLarge)).ToList(),
            null,
            null,
            null,
            [new NotMeasured("links.broken", "the homepage could not be fetched by the scanner: the body exceeds the size cap")]);
        var framework = FrameworkCatalog.Get("gov-website-check-2019");

        // The same steps as `check`: assess, assemble the report, write report.json.
        var assessment = SiteAssessor.Assess(framework, "www.example.gov.cn", SiteAssessor.StandaloneFacts(home, null, services: true), observation);
        var report = SiteReportAssembler.Build(framework, assessment, now, now.AddMinutes(1), fromMonitor: false);
        using var stream = new MemoryStream();
        SiteReportJson.Write(report, stream);
        using var json = JsonDocument.Parse(stream.ToArray());

        var score = json.RootElement.GetProperty("score");
        Assert.Equal("未评估", score.GetProperty("verdict").GetString());
        Assert.False(score.GetProperty("assessed").GetBoolean());
        Assert.False(score.GetProperty("vetoed").GetBoolean());
        Assert.StartsWith("不满足“首页已读取”", score.GetProperty("notAssessedReason").GetString());
        Assert.Contains("首页长期不更新：未能测量（首页未能获取）", score.GetProperty("notAssessedReason").GetString());
        var html = SiteReportHtml.Render(report);
        Assert.Contains("结论：<strong class=\"na\">未评估</strong>　总分 <strong>—</strong>", html);
        Assert.Contains("本单位未评估", html);
    }
}
