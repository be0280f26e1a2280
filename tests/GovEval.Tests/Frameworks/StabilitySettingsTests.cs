using GovEval.Core.Errors;
using GovEval.Core.Frameworks;

namespace GovEval.Tests.Frameworks;

/// <summary>release.stability is framework data: read from the file, checked by the schema and the loader with file:line:column.</summary>
public sealed class StabilitySettingsTests
{
    private const string Head =
        "id: mini\n" +
        "version: \"1\"\n" +
        "name: 最小框架\n" +
        "max: 10\n" +
        "release:\n" +
        "  title: 结果\n";

    private const string Tail =
        "indicators:\n" +
        "  - { id: a, name: 甲, rule: expert, points: 5, min: 0, max: 5 }\n" +
        "  - { id: b, name: 乙, rule: expert, points: 5, min: 0, max: 5 }\n" +
        "verdict-needs:\n" +
        "  - { name: 均已录入, indicators: [a, b] }\n";

    [Fact]
    public void The_settings_are_read_from_the_release_block()
    {
        var framework = Load("  stability: { spread: 0.1, samples: 5000, seed: 42, percentiles: [10, 90] }\n");

        Assert.Equal(new StabilitySettings(0.1m, 5000, 42, 10, 90), framework.Stability);
    }

    [Fact]
    public void A_framework_without_the_block_asks_for_no_analysis()
    {
        Assert.Null(Load("").Stability);
    }

    [Fact]
    public void Every_shipped_framework_perturbs_each_weight_by_a_quarter_a_thousand_times()
    {
        foreach (var id in FrameworkCatalog.Ids)
        {
            var settings = FrameworkCatalog.Get(id).Stability;
            Assert.NotNull(settings);
            Assert.Equal((0.25m, 1000, 5, 95), (settings.Spread, settings.Samples, settings.Low, settings.High));
        }
    }

    [Fact]
    public void Bad_settings_are_located_in_the_file()
    {
        var spread = Assert.Throws<InputException>(() => Load("  stability: { spread: 1.5, samples: 1000, seed: 1, percentiles: [5, 95] }\n"));
        Assert.StartsWith("bad.yaml:7:", spread.Message);
        Assert.Contains("spread", spread.Message);

        var order = Assert.Throws<InputException>(() => Load("  stability: { spread: 0.25, samples: 1000, seed: 1, percentiles: [95, 5] }\n"));
        Assert.Matches(@"^bad\.yaml:7:\d+: field 'percentiles': the low percentile \(95\) must be below the high one \(5\)", order.Message);

        var unknown = Assert.Throws<InputException>(() => Load("  stability: { spread: 0.25, samples: 1000, seed: 1, percentiles: [5, 95], level: 1 }\n"));
        Assert.Contains(unknown.Problems.Count > 0 ? unknown.Problems : [unknown], p => p.Message.StartsWith("bad.yaml:7:") && p.Message.Contains("unknown field 'level'"));

        var few = Assert.Throws<InputException>(() => Load("  stability: { spread: 0.25, samples: 10, seed: 1, percentiles: [5, 95] }\n"));
        Assert.StartsWith("bad.yaml:7:", few.Message);
        Assert.Contains("samples", few.Message);

        var missing = Assert.Throws<InputException>(() => Load("  stability: { spread: 0.25, samples: 1000 }\n"));
        Assert.Contains("'seed'", missing.Message);
    }

    private static Framework Load(string stability) => FrameworkLoader.Load(new StringReader(Head + stability + Tail), "bad.yaml");
}
