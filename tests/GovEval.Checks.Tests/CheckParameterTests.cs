using System.Globalization;
using System.Text.RegularExpressions;
using GovEval.Checks.Availability;
using GovEval.Checks.Freshness;
using GovEval.Checks.Interaction;
using GovEval.Checks.Links;
using GovEval.Checks.Tests.Support;
using GovEval.Collect.Probes;
using GovEval.Core.Frameworks;
using GovEval.Core.Observations;

namespace GovEval.Checks.Tests;

/// <summary>
/// Every key of the checks block is honoured: the national framework copied with one value changed gives a different
/// finding or measurement on the same observation than the shipped file does. One case per key, and a guard that no
/// key of the catalogue goes without its case.
/// </summary>
public sealed class CheckParameterTests
{
    private static readonly Dictionary<string, ICheckFamily> Families = new(StringComparer.Ordinal)
    {
        ["availability"] = new HomepageAvailability(),
        ["freshness"] = new UpdateChecks(),
        ["interaction"] = new ConsultationChecks(),
        ["links"] = new BrokenLinks(),
    };

    /// <summary>(key, new value, family, fixture, what the shipped value reports, what the changed value reports).</summary>
    public static TheoryData<string, string, string, string, string, string> Cases() => new()
    {
        // A visit of 14.9 s is within 15 s; within 10 s it failed.
        { "homepage-timeout-seconds", "10", "availability", "slow-but-within-15s", "measurement availability.failures 0", "finding availability.homepage" },
        // 1 failure in 40 visits is 2.5 %: a deduction, no veto at 5 %; a veto at 2.5 %.
        { "unreachable-share-percent", "2.5", "availability", "minor-failures", "no finding veto.unreachable", "finding veto.unreachable" },
        // The newest homepage item is 29 days old: nothing new within 2 weeks (a veto), one new item within 30 days.
        { "homepage-window-days", "30", "freshness", "homepage-none-new", "finding veto.homepage-stale", "no finding veto.homepage-stale" },
        // Two new items are fewer than 3, not fewer than 2.
        { "homepage-min-new-items", "2", "freshness", "homepage-two-new-items", "finding freshness.homepage", "no finding freshness.homepage" },
        // 部门动态's newest item is 21 days old: stale after 14 days, fresh within 30.
        { "news-period-days", "30", "freshness", "every-class", "finding freshness.column http://www.example.gov.cn/xwzx/bmdt/index.html", "no finding freshness.column http://www.example.gov.cn/xwzx/bmdt/index.html" },
        { "notice-policy-period-months", "60", "freshness", "every-class", "finding freshness.column http://www.example.gov.cn/zwgk/tzgg/index.html", "no finding freshness.column http://www.example.gov.cn/zwgk/tzgg/index.html" },
        { "personnel-plan-period-months", "120", "freshness", "every-class", "finding freshness.column http://www.example.gov.cn/zwgk/rsxx/index.html", "no finding freshness.column http://www.example.gov.cn/zwgk/rsxx/index.html" },
        // Five stale 动态/要闻/通知公告/政策文件 columns veto at 5, not at 6.
        { "veto-stale-core-columns", "6", "freshness", "veto-five-stale-core-columns", "finding veto.columns-stale", "no finding veto.columns-stale" },
        // Three stale columns and one blank column: no veto at 10 and 5, a veto at 3 stale or at 1 blank.
        { "veto-stale-columns", "3", "freshness", "every-class", "no finding veto.columns-stale", "finding veto.columns-stale" },
        { "veto-blank-columns", "1", "freshness", "every-class", "no finding veto.columns-stale", "finding veto.columns-stale" },
        // A message pending since 2020-06-01 (six months on 2020-11-30) is unanswered after 3 months, not after 7…
        { "unanswered-after-months", "7", "interaction", "unanswered-and-slow", "finding interaction.unanswered", "no finding interaction.unanswered" },
        // …and it counts when the rule looks back 12 months, not when it looks back 4.
        { "unanswered-within-months", "4", "interaction", "unanswered-and-slow", "finding veto.interaction", "no finding veto.interaction" },
        // A reply after 49 days is slow after 30, not after 60.
        { "slow-reply-days", "60", "interaction", "unanswered-and-slow", "finding interaction.slow-reply", "no finding interaction.slow-reply" },
        // 2.XLSX is an attachment only while xlsx is a download extension; otherwise it is a broken link.
        { "download-extensions", "[pdf]", "links", "homepage-and-other-pages", "finding downloads.broken http://www.example.gov.cn/uploads/fj/2.XLSX", "finding links.broken http://www.example.gov.cn/uploads/fj/2.XLSX" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_changed_value_of_the_checks_block_changes_what_the_check_reports(string key, string value, string family, string fixture, string shipped, string changed)
    {
        var observation = FixtureCase.Load(family, fixture).Observation;
        var before = Families[family].Run(observation, new CheckContext(ShippedRules.Options));
        var after = Families[family].Run(observation, new CheckContext(CheckOptions.From(Changed(key, value))));

        Assert.True(Holds(before, shipped), $"{key} as shipped ({ShippedValue(key)}): expected '{shipped}'; got {Describe(before)}");
        Assert.True(Holds(after, changed), $"{key} = {value}: expected '{changed}'; got {Describe(after)}");
    }

    [Theory]
    [InlineData("monitor-days", "2")]
    [InlineData("monitor-visits-per-day", "48")]
    public void A_changed_monitoring_window_changes_the_visits_the_monitor_takes(string key, string value)
    {
        var shipped = MonitorSchedule.Of(ShippedRules.Checks);
        var changed = MonitorSchedule.Of(Changed(key, value).Checks!);

        Assert.Equal(shipped.VisitsPerDay * shipped.Days, shipped.Visits);
        Assert.NotEqual(shipped.Visits, changed.Visits);
        Assert.Equal(changed.VisitsPerDay * changed.Days, changed.Visits);
    }

    [Fact]
    public void Every_key_of_the_checks_block_has_its_case()
    {
        var covered = Cases().Select(c => (string)c[0]).Concat(["monitor-days", "monitor-visits-per-day"]).Order(StringComparer.Ordinal);
        Assert.Equal(CheckParameterCatalogue.All.Select(p => p.Key).Order(StringComparer.Ordinal), covered);
    }

    [Fact]
    public void The_checks_read_every_number_from_the_framework_they_are_given()
    {
        var options = CheckOptions.From(ShippedRules.National);
        var checks = ShippedRules.Checks;
        Assert.Equal(checks.HomepageTimeout, options.HomepageTimeout);
        Assert.Equal(checks.NewsPeriodDays, options.NewsPeriodDays);
        Assert.Equal(checks.UnansweredWithinMonths, options.UnansweredWithinMonths);
        Assert.Equal(checks.DownloadExtensions.Order(StringComparer.Ordinal), options.DownloadExtensions.Order(StringComparer.Ordinal));
        // Matching extensions ignores case, as URLs write them (2.XLSX).
        Assert.Contains("XLSX", options.DownloadExtensions);
    }

    [Fact]
    public void A_framework_without_a_checks_block_cannot_judge_a_website()
    {
        var capability = FrameworkCatalog.Get("digital-gov-capability-2020");
        Assert.Null(capability.Checks);
        var error = Assert.Throws<Core.Errors.InputException>(() => CheckOptions.From(capability));
        Assert.StartsWith("frameworks/digital-gov-capability-2020.yaml: ", error.Message);
        Assert.Contains("has no 'checks' block", error.Message);
    }

    /// <summary>The national framework with one line of its checks block changed, loaded as a file of its own.</summary>
    public static Framework Changed(string key, string value)
    {
        var text = ShippedRules.Text(ShippedRules.NationalId);
        var line = new Regex($"^  {Regex.Escape(key)}: .*$", RegexOptions.Multiline);
        Assert.Single(line.Matches(text));
        return FrameworkLoader.Load(new StringReader(line.Replace(text, $"  {key}: {value}")), "changed.yaml");
    }

    private static string ShippedValue(string key) => CheckParameterCatalogue.Find(key)!.Shown(ShippedRules.Checks);

    /// <summary>"finding RULE [URL]", "no finding RULE [URL]", "measurement NAME VALUE", "no measurement NAME VALUE".</summary>
    private static bool Holds(CheckResult result, string expectation)
    {
        var negated = expectation.StartsWith("no ", StringComparison.Ordinal);
        var parts = (negated ? expectation[3..] : expectation).Split(' ');
        var present = parts[0] switch
        {
            "finding" => result.Findings.Any(f => f.Rule == parts[1] && (parts.Length < 3 || UrlNormalizer.Normalize(f.Url) == UrlNormalizer.Normalize(parts[2]))),
            "measurement" => result.Measurements.TryGetValue(parts[1], out var v) && v == decimal.Parse(parts[2], CultureInfo.InvariantCulture),
            _ => throw new ArgumentException(expectation),
        };
        return present != negated;
    }

    private static string Describe(CheckResult result) =>
        $"findings [{string.Join(", ", result.Findings.Select(f => $"{f.Rule} {f.Url}"))}], measurements [{string.Join(", ", result.Measurements.Select(m => $"{m.Key}={m.Value}"))}]";
}
