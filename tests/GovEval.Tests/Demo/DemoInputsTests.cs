using System.Globalization;
using System.Text.Json;
using GovEval.Core.Registry;
using GovEval.Core.Scoring;
using GovEval.Core.Tables;
using GovEval.Tests.Cli;

namespace GovEval.Tests.Demo;

/// <summary>
/// The demo's bundled inputs (data/demo, written by scripts/derive-demo-inputs.py) go through the real command
/// line: imported, scored and published, the capability files reproduce the 2020 release's totals, grade lists and
/// 2019→2020 movements; the website files import into sampled runs over the eight website cohorts.
/// </summary>
public sealed class DemoInputsTests : IDisposable
{
    private static readonly string[] WebsiteCohorts =
        ["ministry-constituent", "ministry-other", "municipality", "province", "sub-provincial-city", "provincial-capital", "prefecture-city", "county"];

    private static readonly string[] SmallWebsiteCohorts = WebsiteCohorts[..6];

    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private static string Demo(string name) => Path.Combine(CliWorkspace.RepoRoot(), "data", "demo", name);

    private static string Seed(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "seed-2020", name);

    private static readonly UnitRegistry Registry = UnitRegistry.ForYear(2020);

    private static string CapabilityCode(string text)
    {
        var members = new[] { "provincial", "key-city" }.SelectMany(c => Registry.Members(Registry.Cohort(c))).Select(u => u.Code).ToHashSet();
        return Registry.Lookup(text).Single(u => members.Contains(u.Code)).Code;
    }

    private async Task<string> CapabilityRunAsync(string name, string inputs, string now)
    {
        var run = (await workspace.RunOkAsync("runs", "create", "--name", name, "--framework", "digital-gov-capability-2020",
            "--cohort", "provincial", "--cohort", "key-city", "--now", now)).Out.Trim();
        await workspace.RunOkAsync("inputs", "import", "--run", run, Demo(inputs));
        var scored = await workspace.RunOkAsync("score", "--run", run);
        Assert.Contains("scored 64 units", scored.Out);
        return run;
    }

    private async Task<JsonDocument> PublishAsync(string run, string? compare = null)
    {
        var outDir = Path.Combine(workspace.Folder, "release-" + run);
        string[] args = compare is null
            ? ["publish", "--run", run, "--out", outDir, "--format", "json"]
            : ["publish", "--run", run, "--compare", compare, "--out", outDir, "--format", "json"];
        await workspace.RunOkAsync(args);
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
    }

    private static IEnumerable<JsonElement> Units(JsonDocument json) =>
        json.RootElement.GetProperty("cohorts").EnumerateArray().SelectMany(c => c.GetProperty("units").EnumerateArray());

    private static string[] Excellent(JsonDocument json, string cohort) =>
        json.RootElement.GetProperty("cohorts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == cohort)
            .GetProperty("units").EnumerateArray().Where(u => u.GetProperty("grade").GetString() == "优秀")
            .Select(u => u.GetProperty("short").GetString()!).ToArray();

    [Fact]
    public async Task The_capability_inputs_reproduce_the_2020_totals_grade_lists_and_movements()
    {
        var run2019 = await CapabilityRunAsync("演示2019能力", "capability-2019-inputs.csv", "2019-11-30");
        var run2020 = await CapabilityRunAsync("演示2020能力", "capability-2020-inputs.csv", "2020-11-30");

        using var json2019 = await PublishAsync(run2019);
        var grades2019 = TableReader.Read(Seed("capability-2019-grades.csv")).Rows
            .ToDictionary(r => CapabilityCode(r["unit"]), r => r["grade"].Trim().TrimEnd('级'));
        Assert.Equal(64, grades2019.Count);
        foreach (var unit in Units(json2019))
        {
            Assert.Equal((unit.GetProperty("code").GetString()!, grades2019[unit.GetProperty("code").GetString()!]),
                (unit.GetProperty("code").GetString()!, unit.GetProperty("grade").GetString()!));
        }

        using var json2020 = await PublishAsync(run2020, run2019);
        var totals2020 = TableReader.Read(Seed("capability-2020-totals.csv")).Rows
            .ToDictionary(r => CapabilityCode(r["unit"]), r => Rounding.Round(decimal.Parse(r["total"], CultureInfo.InvariantCulture), 1));
        Assert.Equal(64, totals2020.Count);
        var units = Units(json2020).ToList();
        Assert.Equal(64, units.Count);
        foreach (var unit in units)
        {
            var code = unit.GetProperty("code").GetString()!;
            Assert.Equal((code, totals2020[code]), (code, unit.GetProperty("total").GetDecimal()));
        }

        Assert.Equal(["北京市", "上海市", "浙江省", "福建省", "湖北省", "广东省", "四川省", "贵州省"], Excellent(json2020, "provincial"));
        Assert.Equal(["杭州市", "宁波市", "福州市", "厦门市", "青岛市", "长沙市", "广州市", "深圳市", "成都市", "贵阳市"], Excellent(json2020, "key-city"));

        var release = json2020.RootElement.GetProperty("transitions").GetProperty("release");
        Assert.Equal(
            [
                "优秀级：由15个上升至18个，其中3个良好级升至优秀级",
                "良好级：18个，其中2个发展级升至良好级",
                "发展级：18个，其中2个起步级升至发展级",
                "起步级：减少至10个",
            ],
            release.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!));
    }

    [Fact]
    public async Task The_website_sample_holds_the_small_cohorts_and_the_website_inputs_import()
    {
        var sample = File.ReadAllLines(Demo("website-sample.txt")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        foreach (var cohort in SmallWebsiteCohorts)
        {
            Assert.All(Registry.Members(Registry.Cohort(cohort)), u => Assert.Contains(u.Code, sample));
        }

        var prefecture = Registry.Members(Registry.Cohort("prefecture-city")).Count(u => sample.Contains(u.Code));
        var county = Registry.Members(Registry.Cohort("county")).Count(u => sample.Contains(u.Code));
        Assert.Equal((160, 200), (prefecture, county));

        string[] cohortArgs = [.. WebsiteCohorts.SelectMany(c => new[] { "--cohort", c })];
        var performance = (await workspace.RunOkAsync(["runs", "create", "--name", "演示网站2020", "--framework", "gov-website-performance-2020",
            .. cohortArgs, "--units", Demo("website-sample.txt"), "--now", "2020-11-30"])).Out.Trim();
        var imported = await workspace.RunAsync("inputs", "import", "--run", performance, Demo("website-2020-inputs.csv"));
        Assert.True(imported.Code == 0, imported.Error);

        var check = (await workspace.RunOkAsync(["runs", "create", "--name", "演示网站检查", "--framework", "gov-website-check-2019",
            .. cohortArgs, "--units", Demo("website-sample.txt"), "--now", "2020-11-30"])).Out.Trim();
        var bonus = await workspace.RunAsync("inputs", "import", "--run", check, Demo("website-2019-check-inputs.csv"));
        Assert.True(bonus.Code == 0, bonus.Error);
    }
}
