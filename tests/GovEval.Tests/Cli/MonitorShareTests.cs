using GovEval.Checks;
using GovEval.Checks.Availability;
using GovEval.Collect.Probes;
using GovEval.Core.Observations;

namespace GovEval.Tests.Cli;

/// <summary>
/// <c>goveval monitor</c>'s summary and the checks count one window alike: the monitor once rounded 4.96 % to 5.0 %
/// and flagged veto.unreachable that the check did not find, and ignored visits that ended after 15 s. A log that
/// already holds the whole window makes the monitor take no visit (no network) and print its summary.
/// </summary>
public sealed class MonitorShareTests : IDisposable
{
    private const string Home = "http://www.example.gov.cn/";
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    /// <summary>625 visits, 31 failed (30 timeouts, one answer after 16 s), and 2 samples the scanner spoiled.</summary>
    private static List<AvailabilitySample> Window()
    {
        var start = new DateTimeOffset(2020, 11, 29, 0, 1, 0, TimeSpan.Zero);
        var interval = TimeSpan.FromDays(1) / 627;
        var samples = new List<AvailabilitySample>();
        for (var i = 0; i < 627; i++)
        {
            var (status, seconds) = i switch
            {
                < 30 => (FetchStatus.Timeout, 15.0),
                30 => (FetchStatus.Ok, 16.0),
                31 or 32 => (FetchStatus.ScannerError, 0.1),
                _ => (FetchStatus.Ok, 0.4),
            };
            samples.Add(new AvailabilitySample(start + interval * i,
                new FetchOutcome(Home, status, status == FetchStatus.Ok ? 200 : null, Home, [], "text/html", null, TimeSpan.FromSeconds(seconds), null, null)));
        }

        return samples;
    }

    [Fact]
    public async Task A_share_of_4_96_percent_is_the_same_share_and_the_same_veto_decision_in_the_monitor_and_the_check()
    {
        var log = new SampleLog(Path.Combine(workspace.Folder, "samples.jsonl"));
        foreach (var sample in Window())
        {
            log.Append(Home, sample);
        }

        var result = await workspace.RunOkAsync("monitor", Home, "--log", log.Path, "--visits-per-day", "627", "--days", "1");

        Assert.Contains("627 visits already taken, 0 to take", result.Out);
        Assert.Contains("625 visits to 1 homepage in the window, 31 failed (2 more spoiled by the scanner, not counted)", result.Out);
        Assert.Contains("0 at 5% or more (veto.unreachable)", result.Out);
        Assert.Contains("4.96%", result.Out);
        Assert.DoesNotContain("5.0%", result.Out);

        // The check on the samples the log holds: the same share, the same decision.
        var observation = new SiteObservation(Home, new DateTimeOffset(2020, 11, 30, 9, 0, 0, TimeSpan.FromHours(8)), [], [], log.Read(Home), null, null, null, []);
        var checks = SiteChecks.Run(observation, ShippedRules.Options);
        Assert.Equal(0.0496m, checks.Measurements["availability.share"]);
        Assert.Equal(625m, checks.Measurements["availability.visits"]);
        Assert.Equal(31m, checks.Measurements["availability.failures"]);
        Assert.DoesNotContain(checks.Findings, f => f.Rule == HomepageAvailability.VetoRule);

        // The threshold is the options': at 4.96 % both veto.
        var strict = ShippedRules.Options with { UnreachableSharePercent = 4.96m };
        Assert.True(AvailabilityShare.Count(log.Read(Home), strict).Unreachable);
        Assert.Contains(SiteChecks.Run(observation, strict).Findings, f => f.Rule == HomepageAvailability.VetoRule);
    }
}
