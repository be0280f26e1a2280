using GovEval.Checks.Availability;
using GovEval.Core.Observations;

namespace GovEval.Checks.Tests.Availability;

/// <summary>The availability share and its veto: one count, with the 15 s rule and the threshold from the options.</summary>
public sealed class AvailabilityShareTests
{
    private const string Home = "http://www.example.gov.cn/";
    private static readonly DateTimeOffset Now = new(2020, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// 625 visits of which 31 fail (4.96 %): 30 time out, 1 answers after 16 s (past the 15 s rule though the fetch
    /// ended well); 2 more samples are the scanner's own faults, neither visits nor failures.
    /// </summary>
    public static List<AvailabilitySample> FourPointNineSix()
    {
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
            var outcome = new FetchOutcome(Home, status, status == FetchStatus.Ok ? 200 : null, Home, [], "text/html", null, TimeSpan.FromSeconds(seconds), null, null);
            samples.Add(new AvailabilitySample(Now.AddMinutes(-2 * i), outcome));
        }

        return samples;
    }

    private static SiteObservation Observation(IReadOnlyList<AvailabilitySample> samples) => new(Home, Now, [], [], samples, null, null, null, []);

    [Fact]
    public void A_share_of_4_96_percent_is_no_veto_at_5_percent_and_a_veto_at_4_96()
    {
        var tally = AvailabilityShare.Count(FourPointNineSix(), ShippedRules.Options);
        Assert.Equal((627, 625, 2, 31), (tally.Samples, tally.Visits, tally.ScannerFaults, tally.Failures));
        Assert.Equal(0.0496m, tally.Share);
        Assert.Equal("4.96", tally.Percent);
        Assert.False(tally.Unreachable);

        Assert.True(AvailabilityShare.Count(FourPointNineSix(), ShippedRules.Options with { UnreachableSharePercent = 4.96m }).Unreachable);
        Assert.False(AvailabilityShare.Count(FourPointNineSix(), ShippedRules.Options with { UnreachableSharePercent = 4.97m }).Unreachable);
    }

    [Theory]
    [InlineData("5", false)]
    [InlineData("4.96", true)]
    [InlineData("3", true)]
    public void The_check_reports_the_tally_it_requests(string threshold, bool veto)
    {
        var options = ShippedRules.Options with { UnreachableSharePercent = decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture) };
        var observation = Observation(FourPointNineSix());
        using var context = new CheckContext(options);
        var result = new HomepageAvailability().Run(observation, context);

        Assert.Equal(0.0496m, result.Measurements["availability.share"]);
        Assert.Equal(625m, result.Measurements["availability.visits"]);
        Assert.Equal(31m, result.Measurements["availability.failures"]);
        Assert.Contains(result.Findings, f => f.Rule == HomepageAvailability.AvailabilityRule && f.Message.Contains("4.96%", StringComparison.Ordinal));
        Assert.Equal(veto, result.Findings.Any(f => f.Rule == HomepageAvailability.VetoRule));
        Assert.Equal(AvailabilityShare.Count(observation.Availability, options), AvailabilityShare.Of(observation, context));
    }

    [Fact]
    public void The_15_s_rule_comes_from_the_options()
    {
        var samples = FourPointNineSix();
        Assert.Equal(31, AvailabilityShare.Count(samples, ShippedRules.Options).Failures);
        Assert.Equal(30, AvailabilityShare.Count(samples, ShippedRules.Options with { HomepageTimeout = TimeSpan.FromSeconds(20) }).Failures);
        Assert.False(AvailabilityShare.Failed(samples[31], ShippedRules.Options with { HomepageTimeout = TimeSpan.Zero }));
    }

    [Fact]
    public void The_tally_is_derived_once_per_site_and_shared_by_every_reader()
    {
        var observation = Observation(FourPointNineSix());
        using var context = new CheckContext(ShippedRules.Options);
        var first = AvailabilityShare.Of(observation, context);
        new HomepageAvailability().Run(observation, context);
        Assert.Same(first, AvailabilityShare.Of(observation, context));
        Assert.Equal(1, context.Derivations);

        // Another site (another observation) gets its own.
        var other = observation with { Availability = observation.Availability.Take(100).ToList() };
        Assert.Equal((98, 31), (AvailabilityShare.Of(other, context).Visits, AvailabilityShare.Of(other, context).Failures));
        Assert.Equal(2, context.Derivations);
    }

    [Fact]
    public void No_visit_leaves_both_rules_not_measured()
    {
        var spoiled = FourPointNineSix().Skip(31).Take(2).ToList();
        using var context = new CheckContext(ShippedRules.Options);
        var result = new HomepageAvailability().Run(Observation(spoiled), context);
        Assert.Null(AvailabilityShare.Of(Observation(spoiled), context).Share);
        Assert.Empty(result.Findings);
        Assert.Equal([HomepageAvailability.AvailabilityRule, HomepageAvailability.VetoRule], result.NotMeasured.Select(n => n.Rule));
    }
}
