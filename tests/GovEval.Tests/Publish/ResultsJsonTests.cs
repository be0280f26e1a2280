using System.Text;
using System.Text.Json;
using GovEval.Core.Results;
using GovEval.Publish.Json;

namespace GovEval.Tests.Publish;

/// <summary>results.json keeps DESIGN.md's contract: other tools read it.</summary>
public sealed class ResultsJsonTests
{
    private static (JsonDocument Json, string Text) Render(Release release)
    {
        using var stream = new MemoryStream();
        ResultsJson.Write(release, stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        return (JsonDocument.Parse(text), text);
    }

    [Fact]
    public void Has_the_contract_shape_with_units_in_publication_order()
    {
        var (json, text) = Render(SampleReleases.Website);
        var root = json.RootElement;

        Assert.Equal("website-2020-totals.csv", root.GetProperty("run").GetString());
        Assert.Equal("gov-website-performance-2020", root.GetProperty("framework").GetProperty("id").GetString());
        Assert.Equal("2020.1", root.GetProperty("framework").GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("transitions").ValueKind);
        var cohorts = root.GetProperty("cohorts").EnumerateArray().ToList();
        Assert.Equal(8, cohorts.Count);
        var ministries = cohorts[0];
        Assert.Equal("ministry-constituent", ministries.GetProperty("id").GetString());
        Assert.Equal("国务院组成部门", ministries.GetProperty("name").GetString());
        var units = ministries.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(26, units.Count);
        var first = units[0];
        foreach (var field in new[] { "code", "name", "short", "total", "grade", "rank", "vetoed" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"unit field '{field}' missing");
        }

        Assert.Equal(["SC020", "SC017", "SC006", "SC005", "SC018", "SC022"], units.Take(6).Select(u => u.GetProperty("code").GetString()));
        Assert.Equal([1, 2, 3, 4, 4, 5], units.Take(6).Select(u => u.GetProperty("rank").GetInt32()));
        Assert.Equal(92.0m, units[3].GetProperty("total").GetDecimal());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("grade").ValueKind);
        Assert.False(first.GetProperty("vetoed").GetBoolean());
        Assert.Contains("\"商务部\"", text);
        Assert.DoesNotContain("\\u", text);
    }

    [Fact]
    public void Graded_cohorts_have_null_ranks_and_transitions_hold_the_sentences()
    {
        var (json, _) = Render(SampleReleases.Capability);
        var root = json.RootElement;

        var provincial = root.GetProperty("cohorts")[0].GetProperty("units").EnumerateArray().ToList();
        Assert.All(provincial, u => Assert.Equal(JsonValueKind.Null, u.GetProperty("rank").ValueKind));
        Assert.Equal(["北京市", "上海市", "浙江省"], provincial.Take(3).Select(u => u.GetProperty("short").GetString()));
        Assert.Equal("优秀", provincial[0].GetProperty("grade").GetString());

        var transitions = root.GetProperty("transitions");
        Assert.Equal(2019, transitions.GetProperty("previousYear").GetInt32());
        var whole = transitions.GetProperty("release");
        Assert.Equal("优秀级：由15个上升至18个，其中3个良好级升至优秀级", whole.GetProperty("sentences")[0].GetString());
        Assert.Equal(15, whole.GetProperty("counts")[0].GetProperty("before").GetInt32());
        Assert.Equal(7, whole.GetProperty("movements").GetArrayLength());
        Assert.Equal(["provincial", "key-city"], transitions.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("scope").GetString()));
    }

    [Fact]
    public void Vetoed_and_rank_changes_are_written()
    {
        var (json, _) = Render(SampleReleases.WithSheets());
        var root = json.RootElement;

        var units = root.GetProperty("cohorts")[0].GetProperty("units").EnumerateArray().ToList();
        var chongqing = units.Single(u => u.GetProperty("code").GetString() == "500000");
        Assert.True(chongqing.GetProperty("vetoed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, chongqing.GetProperty("rank").ValueKind);
        Assert.Equal("不合格", chongqing.GetProperty("grade").GetString());
        Assert.Equal("500000", units[^1].GetProperty("code").GetString());
        Assert.Equal("engine-1", root.GetProperty("framework").GetProperty("engineVersion").GetString());
        var changes = root.GetProperty("transitions").GetProperty("rankChanges").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("code").GetString() == "110000" && c.GetProperty("before").GetInt32() == 4 && c.GetProperty("after").GetInt32() == 1);
    }
}
