using System.Text.Json.Nodes;
using GovEval.Core;
using GovEval.Core.Errors;
using GovEval.Core.Frameworks;

namespace GovEval.Tests.Frameworks;

/// <summary>
/// The checks block of a framework: the numbers of the website rules as data, validated by the schema and the loader
/// with file:line:column, required from every framework that scores website findings.
/// </summary>
public sealed class ChecksBlockTests
{
    private const string Province = "gov-website-check-province-quarterly-2026";

    [Fact]
    public void The_national_check_states_the_numbers_of_its_rules()
    {
        // RULES.md §1: monitored 1 week, 20 visits a day, 15 s, failures ≥ 5 %; 2 weeks for the homepage and for
        // 动态/要闻, 6 months for 通知公告/政策文件, 1 year for 人事/规划计划; 5 / 10 / 5 columns; 3 months within 1 year.
        var checks = FrameworkCatalog.Get(ShippedRules.NationalId).Checks!;
        Assert.Equal(TimeSpan.FromSeconds(15), checks.HomepageTimeout);
        Assert.Equal((7m, 20, 5m), (checks.MonitorDays, checks.MonitorVisitsPerDay, checks.UnreachableSharePercent));
        Assert.Equal((14, 14, 6, 12), (checks.HomepageWindowDays, checks.NewsPeriodDays, checks.NoticePolicyPeriodMonths, checks.PersonnelPlanPeriodMonths));
        Assert.Equal((5, 10, 5), (checks.VetoStaleCoreColumns, checks.VetoStaleColumns, checks.VetoBlankColumns));
        Assert.Equal((3, 12), (checks.UnansweredAfterMonths, checks.UnansweredWithinMonths));
        Assert.Contains("pdf", checks.DownloadExtensions);
    }

    [Fact]
    public void The_website_frameworks_state_a_checks_block_and_the_capability_frameworks_none()
    {
        Assert.Empty(CheckParameterCatalogue.Differences(FrameworkCatalog.Get(ShippedRules.NationalId).Checks, FrameworkCatalog.Get("gov-website-performance-2020").Checks));
        Assert.Equal(["news-period-days: 14 → 10"], CheckParameterCatalogue.Differences(FrameworkCatalog.Get(ShippedRules.NationalId).Checks, FrameworkCatalog.Get(Province).Checks));
        Assert.Null(FrameworkCatalog.Get("digital-gov-capability-2020").Checks);
        Assert.Null(FrameworkCatalog.Get("digital-gov-capability-2023").Checks);
    }

    [Fact]
    public void The_schema_and_the_catalogue_name_the_same_keys()
    {
        using var reader = EmbeddedData.Open("frameworks", "framework.schema.json");
        var checks = JsonNode.Parse(reader.ReadToEnd())!["$defs"]!["checks"]!;
        var properties = checks["properties"]!.AsObject().Select(p => p.Key).ToList();
        var required = checks["required"]!.AsArray().Select(r => (string)r!).ToList();
        var catalogue = CheckParameterCatalogue.All.Select(p => p.Key).ToList();
        Assert.Equal(catalogue.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
        Assert.Equal(catalogue.Order(StringComparer.Ordinal), required.Order(StringComparer.Ordinal));
        Assert.Equal(catalogue.Count, catalogue.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_framework_that_scores_website_findings_without_a_checks_block_is_refused_at_its_first_such_indicator()
    {
        var text = National();
        text = text[..text.IndexOf("\nchecks:\n", StringComparison.Ordinal)] + "\n";
        var error = Assert.Throws<InputException>(() => Load(text));
        var (line, column) = At(text, "      - id: veto.unreachable", "id");
        Assert.StartsWith($"bad.yaml:{line}:{column}: indicator 'veto.unreachable' scores the website check 'veto.unreachable'", error.Message);
        Assert.Contains("no 'checks' block", error.Message);
    }

    [Fact]
    public void A_framework_of_expert_inputs_needs_no_checks_block()
    {
        var framework = FrameworkLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "fixtures", "frameworks", "two-indicators.yaml"));
        Assert.Null(framework.Checks);
    }

    [Theory]
    [InlineData("  news-period-days: 14", "  news-period-days: 0", "field 'news-period-days': 0 should be at least 1")]
    [InlineData("  unreachable-share-percent: 5", "  unreachable-share-percent: 101", "field 'unreachable-share-percent'")]
    [InlineData("  slow-reply-days: 30", "  slow-reply-days: thirty", "field 'slow-reply-days': Value is \"string\" but should be \"integer\"")]
    [InlineData("  veto-blank-columns: 5", "  veto-blank-columns: 2.5", "field 'veto-blank-columns': Value is \"number\" but should be \"integer\"")]
    [InlineData("  homepage-timeout-seconds: 15", "  homepage-timeout-seconds: -1", "field 'homepage-timeout-seconds'")]
    [InlineData("  download-extensions: [pdf,", "  download-extensions: [.PDF,", "field 'download-extensions, item 1': an extension is written in lower case without the dot")]
    public void A_value_out_of_range_or_of_the_wrong_type_is_refused_where_it_stands(string shipped, string bad, string expected)
    {
        var text = National().Replace(shipped, bad, StringComparison.Ordinal);
        var error = Assert.Throws<InputException>(() => Load(text));
        var (line, column) = At(text, bad, bad.Contains('[', StringComparison.Ordinal) ? "[" : null);
        if (bad.Contains('[', StringComparison.Ordinal))
        {
            column += 1; // the first item, just inside the bracket
        }

        Assert.Equal($"bad.yaml:{line}:{column}: {expected}", error.Message[..Math.Min(error.Message.Length, $"bad.yaml:{line}:{column}: {expected}".Length)]);
    }

    [Fact]
    public void An_unknown_key_and_a_missing_key_are_refused_with_their_place()
    {
        var text = National()
            .Replace("  news-period-days: 14\n", "  news-period-day: 14\n", StringComparison.Ordinal);
        var error = Assert.Throws<InputException>(() => Load(text));
        var (line, column) = At(text, "  news-period-day: 14", null);
        Assert.Contains(error.Problems, p => p.Message == $"bad.yaml:{line}:{column}: unknown field 'news-period-day'");
        var (first, indent) = At(text, "  homepage-timeout-seconds: 15", "homepage-timeout-seconds");
        Assert.Contains(error.Problems, p => p.Message == $"bad.yaml:{first}:{indent}: field 'checks' lacks the required 'news-period-days'");
    }

    [Fact]
    public void Keys_that_contradict_each_other_are_refused()
    {
        var text = National()
            .Replace("  unanswered-after-months: 3\n", "  unanswered-after-months: 12\n", StringComparison.Ordinal)
            .Replace("  monitor-visits-per-day: 20\n", "  monitor-visits-per-day: 1440\n", StringComparison.Ordinal)
            .Replace("  homepage-timeout-seconds: 15\n", "  homepage-timeout-seconds: 60\n", StringComparison.Ordinal);
        var error = Assert.Throws<InputException>(() => Load(text));
        var (after, afterColumn) = At(text, "  unanswered-after-months: 12", null);
        var (visits, visitsColumn) = At(text, "  monitor-visits-per-day: 1440", null);
        Assert.Contains(error.Problems, p => p.Message.StartsWith($"bad.yaml:{after}:{afterColumn}: field 'unanswered-after-months': 12 months is not shorter than 'unanswered-within-months' (12)", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Message.StartsWith($"bad.yaml:{visits}:{visitsColumn}: field 'monitor-visits-per-day': 1440 visits a day leave 60 s between visits", StringComparison.Ordinal));
    }

    [Fact]
    public void Redistribute_belongs_to_groups()
    {
        var leaf = National().Replace("            rule: deduct\n            points: 10\n            deduct:\n              - { measurement: availability.share",
            "            rule: deduct\n            redistribute: even\n            points: 10\n            deduct:\n              - { measurement: availability.share", StringComparison.Ordinal);
        var error = Assert.Throws<InputException>(() => Load(leaf));
        Assert.Contains("field 'redistribute': 'availability.homepage' is a leaf", error.Message);

        var unknown = National().Replace("    name: 扣分指标\n    points: 100\n", "    name: 扣分指标\n    points: 100\n    redistribute: evenly\n", StringComparison.Ordinal);
        var (line, column) = At(unknown, "    redistribute: evenly", null);
        var refused = Assert.Throws<InputException>(() => Load(unknown));
        Assert.StartsWith($"bad.yaml:{line}:{column}: field 'redistribute'", refused.Message);
    }

    [Fact]
    public void Differences_name_each_changed_key_with_both_values()
    {
        var national = FrameworkCatalog.Get(ShippedRules.NationalId).Checks!;
        var changed = national with { SlowReplyDays = 45, DownloadExtensions = ["pdf"] };
        Assert.Equal(["slow-reply-days: 30 → 45", $"download-extensions: {string.Join(", ", national.DownloadExtensions)} → pdf"],
            CheckParameterCatalogue.Differences(national, changed));
        Assert.Equal(["checks: a block → none"], CheckParameterCatalogue.Differences(national, null));
    }

    private static string National() => ShippedRules.Text(ShippedRules.NationalId);

    private static Framework Load(string text) => FrameworkLoader.Load(new StringReader(text), "bad.yaml");

    /// <summary>Line and column (1-based) of a line's value (after "key: "), or of <paramref name="token"/> in that line.</summary>
    private static (int Line, int Column) At(string text, string lineText, string? token)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(lineText, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line '{lineText}'");
        var column = token is null ? lines[index].IndexOf(": ", StringComparison.Ordinal) + 3 : lines[index].IndexOf(token, StringComparison.Ordinal) + 1;
        return (index + 1, column);
    }
}
