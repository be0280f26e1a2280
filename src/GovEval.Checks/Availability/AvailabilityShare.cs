using System.Globalization;
using GovEval.Checks.Derived;
using GovEval.Core.Observations;

namespace GovEval.Checks.Availability;

/// <summary>
/// The homepage samples as the 15 s rule counts them. <see cref="Samples"/> were taken; <see cref="Visits"/> of them
/// say something about the site (a sample the scanner spoiled — its own fault, robots, skipped — is neither a
/// visit nor a failure); <see cref="Failures"/> of those failed. <see cref="Share"/> is failures over visits to four
/// decimal places (availability.share, a fraction: frameworks deduct "per 0.01"), null without a visit.
/// <see cref="Unreachable"/> is veto.unreachable, decided on the counts themselves (failures ≥ threshold % of
/// visits), never on a rounded share: 124 failures of 2,500 visits are 4.96 %, under a 5 % threshold however the
/// share is printed.
/// </summary>
public sealed record AvailabilityTally(int Samples, int Visits, int Failures, decimal? Share, bool Unreachable, decimal ThresholdPercent)
{
    public int ScannerFaults => Samples - Visits;

    /// <summary>The share in percent as reports and messages print it (4.96, 5, 0.5); empty without a visit.</summary>
    public string Percent => Share is { } share ? (share * 100).ToString("0.##", CultureInfo.InvariantCulture) : "";

    /// <summary>The threshold as messages print it (5).</summary>
    public string ThresholdText => ThresholdPercent.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>
/// The derived fact behind availability.homepage, veto.unreachable, report.json's <c>availability</c> and
/// <c>goveval monitor</c>'s summary: one count of a site's homepage samples, with the 15 s rule
/// (<see cref="CheckOptions.HomepageTimeout"/>) and the veto threshold (<see cref="CheckOptions.UnreachableSharePercent"/>)
/// from the options. The monitor, which holds samples but no observation, counts them with <see cref="Count"/>, the
/// function the fact derives with.
/// </summary>
public sealed class AvailabilityShare : IDerivedFact<AvailabilityTally>
{
    /// <summary>The site's tally, derived once per site and context.</summary>
    public static AvailabilityTally Of(SiteObservation observation, CheckContext context) =>
        context.Request<AvailabilityShare, AvailabilityTally>(observation);

    public static AvailabilityTally Derive(SiteObservation observation, CheckContext context) => Count(observation.Availability, context.Options);

    /// <summary>Counts samples as the checks do.</summary>
    public static AvailabilityTally Count(IEnumerable<AvailabilitySample> samples, CheckOptions options)
    {
        int taken = 0, visits = 0, failures = 0;
        foreach (var sample in samples)
        {
            taken++;
            if (sample.Outcome.IsUnknown)
            {
                continue;
            }

            visits++;
            failures += Failed(sample, options) ? 1 : 0;
        }

        decimal? share = visits == 0 ? null : Math.Round((decimal)failures / visits, 4);
        var unreachable = visits > 0 && failures * 100m >= options.UnreachableSharePercent * visits;
        return new AvailabilityTally(taken, visits, failures, share, unreachable, options.UnreachableSharePercent);
    }

    /// <summary>
    /// A visit fails when the site answers badly or not at all, or the page is not open within
    /// <see cref="CheckOptions.HomepageTimeout"/>; a sample the scanner spoiled never fails.
    /// </summary>
    public static bool Failed(AvailabilitySample sample, CheckOptions options) =>
        !sample.Outcome.IsUnknown && (sample.Outcome.IsSiteFault || sample.Outcome.Elapsed > options.HomepageTimeout);
}
