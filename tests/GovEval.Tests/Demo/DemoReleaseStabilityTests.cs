using System.Text.Json;

namespace GovEval.Tests.Demo;

/// <summary>
/// The demo's release carries both answers a unit asks for after a round: how robust its rank or grade is under other
/// weights (the website round's 排名区间, the capability round's 总分区间 and 不稳健 marks), and why its total moved
/// since the 2019 round (the capability part compares the two rounds input by input).
/// </summary>
public sealed partial class DemoRunTests
{
    private string Part(string framework, string file) => Path.Combine(demo.Folder, "release", framework, file);

    [Fact]
    public void The_website_round_publishes_rank_intervals_for_every_ranked_unit()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Part("gov-website-performance-2020", "results.json")));
        var root = json.RootElement;
        Assert.True(root.GetProperty("stability").GetProperty("computed").GetBoolean(), root.GetProperty("stability").GetProperty("withheld").GetString());
        var ranked = root.GetProperty("cohorts").EnumerateArray().SelectMany(c => c.GetProperty("units").EnumerateArray()).Where(u => u.GetProperty("rank").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(ranked);
        Assert.All(ranked, u =>
        {
            var stability = u.GetProperty("stability");
            Assert.InRange(u.GetProperty("rank").GetInt32(), stability.GetProperty("rankLow").GetInt32(), stability.GetProperty("rankHigh").GetInt32());
        });

        var index = File.ReadAllText(Part("gov-website-performance-2020", "index.html"));
        Assert.Contains("<th>排名区间</th>", index);
        Assert.Contains("排名区间、总分区间：将指标体系各级权重", index);
    }

    [Fact]
    public void The_capability_round_marks_grades_that_weights_could_change_and_explains_each_units_change_since_2019()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Part("digital-gov-capability-2020", "results.json")));
        var root = json.RootElement;
        Assert.True(root.GetProperty("stability").GetProperty("computed").GetBoolean(), root.GetProperty("stability").GetProperty("withheld").GetString());
        var graded = root.GetProperty("cohorts").EnumerateArray().SelectMany(c => c.GetProperty("units").EnumerateArray())
            .Where(u => u.GetProperty("stability").ValueKind == JsonValueKind.Object).Select(u => u.GetProperty("stability").GetProperty("grade")).ToList();
        Assert.NotEmpty(graded);
        Assert.All(graded, g => Assert.Equal(JsonValueKind.True == g.GetProperty("robust").ValueKind, g.GetProperty("lowGrade").GetString() == g.GetProperty("highGrade").GetString() && g.GetProperty("lowGrade").GetString() == g.GetProperty("grade").GetString()));

        var changes = root.GetProperty("changes");
        Assert.True(changes.GetProperty("sameFramework").GetBoolean());
        var units = changes.GetProperty("units").EnumerateArray().ToList();
        Assert.NotEmpty(units);
        foreach (var unit in units)
        {
            var parts = unit.GetProperty("indicators").EnumerateArray().ToList();
            Assert.Equal(unit.GetProperty("delta").GetDecimal(), parts.Sum(p => p.GetProperty("points").GetDecimal()) + unit.GetProperty("rounding").GetDecimal());
            Assert.All(parts, p => Assert.Equal(p.GetProperty("points").GetDecimal(), p.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("points").GetDecimal())));
        }

        var moved = units.First(u => u.GetProperty("indicators").EnumerateArray().SelectMany(p => p.GetProperty("items").EnumerateArray()).Any(i => i.GetProperty("kind").GetString() == "input"));
        var page = File.ReadAllText(Part("digital-gov-capability-2020", Path.Combine("units", moved.GetProperty("code").GetString() + ".html")));
        Assert.Contains("<h2>与2019年相比</h2>", page);
        Assert.Contains("录入值由“", page);
        Assert.Contains("<th>总分区间</th>", File.ReadAllText(Part("digital-gov-capability-2020", "index.html")));
    }
}
