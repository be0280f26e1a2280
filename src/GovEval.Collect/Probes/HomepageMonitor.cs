using GovEval.Core.Frameworks;
using GovEval.Core.Observations;

namespace GovEval.Collect.Probes;

/// <summary>
/// A monitoring window: <see cref="VisitsPerDay"/> visits a day for <see cref="Days"/> days. The national check
/// (RULES.md, veto.unreachable) monitors for one week with at least 20 visits a day: numbers of the rules, which a
/// framework states (<c>monitor-days</c>, <c>monitor-visits-per-day</c>; <see cref="Of"/>), so there are no defaults here.
/// </summary>
public sealed class MonitorSchedule
{
    /// <summary>The window a framework's checks block states.</summary>
    public static MonitorSchedule Of(CheckParameters parameters) =>
        new() { VisitsPerDay = parameters.MonitorVisitsPerDay, Days = (double)parameters.MonitorDays };

    public required int VisitsPerDay { get; init; }

    /// <summary>Days of the window; a fraction is allowed (a trial run, a test).</summary>
    public required double Days { get; init; }

    /// <summary>
    /// How far a visit may move from the middle of its slot, either way (capped at half a slot). Null: anywhere in
    /// its slot, so sites are not always seen at the same phase of their own schedules.
    /// </summary>
    public TimeSpan? Jitter { get; init; }

    /// <summary>The tool's default of <see cref="Concurrency"/> (a resource limit, not a rule).</summary>
    public const int DefaultConcurrency = 32;

    /// <summary>Homepage visits in flight at once, across all sites.</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary>Visits per site over the whole window.</summary>
    public int Visits => (int)Math.Round(VisitsPerDay * Days, MidpointRounding.AwayFromZero);

    /// <summary>The length of a slot: one visit per site in each.</summary>
    public TimeSpan Interval => TimeSpan.FromDays(1) / VisitsPerDay;

    /// <summary>The slot an instant falls in. Slots are counted from the Unix epoch, so a day's slots start at 00:00 UTC.</summary>
    public long SlotOf(DateTimeOffset instant) => (long)Math.Floor((double)(instant - DateTimeOffset.UnixEpoch).Ticks / Interval.Ticks);

    public DateTimeOffset SlotStart(long slot) => DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(slot * Interval.Ticks);
}

/// <summary>A homepage to monitor, under the caller's key (a unit code, a URL), with the visits its window already holds.</summary>
public sealed record MonitoredHomepage(string Key, string Homepage, IReadOnlyList<AvailabilitySample> Taken);

/// <summary>One visit done: which homepage, the sample, and how many visits that homepage's window now holds.</summary>
public sealed record MonitorVisit(MonitoredHomepage Site, AvailabilitySample Sample, int Count);

/// <summary>
/// The availability monitor: visits every homepage once per slot of the <see cref="MonitorSchedule"/> until its
/// window holds <see cref="MonitorSchedule.Visits"/> visits. Each visit is the sampler's (the 15 s rule of
/// <see cref="SamplerOptions.FailAfter"/>), at a jittered instant of its slot, stamped on the monitor's clock.
/// A restarted monitor takes only the visits still missing, from the first slot after the last one taken, so it
/// ends at the same number of visits per site as an uninterrupted one.
/// </summary>
public sealed class HomepageMonitor(HomepageSampler sampler, TimeProvider clock)
{
    /// <summary>
    /// Runs the window. <paramref name="visited"/> is called for every visit as it is taken (for the caller to persist);
    /// calls for one site are in order, calls for different sites may overlap.
    /// </summary>
    public async Task RunAsync(
        IReadOnlyList<MonitoredHomepage> sites,
        MonitorSchedule schedule,
        Func<MonitorVisit, ValueTask> visited,
        CancellationToken cancel = default)
    {
        if (schedule.VisitsPerDay < 1 || schedule.Visits < 1 || schedule.Concurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(schedule), "a window needs at least one visit a day, one visit in all and one visit in flight");
        }

        // The window starts now, even though the warm-up below takes a moment of it.
        var first = schedule.SlotOf(clock.GetUtcNow());
        var pending = sites.Where(s => s.Taken.Count < schedule.Visits).Select(s => s.Homepage).Distinct(StringComparer.Ordinal).ToList();
        if (sampler.Options.WarmUp && pending.Count > 0)
        {
            // Uncounted first visits pay the scanner's own start-up (HomepageSampler.WarmUpAsync): counted, a cold
            // start on a loaded machine failed a healthy homepage's first visit.
            await sampler.WarmUpAsync(pending, cancel).ConfigureAwait(false);
        }

        using var gate = new SemaphoreSlim(schedule.Concurrency, schedule.Concurrency);
        await Task.WhenAll(sites.Select(site => MonitorAsync(site, schedule, first, gate, visited, cancel))).ConfigureAwait(false);
    }

    private async Task MonitorAsync(MonitoredHomepage site, MonitorSchedule schedule, long first, SemaphoreSlim gate, Func<MonitorVisit, ValueTask> visited, CancellationToken cancel)
    {
        // Yield first: every site's loop is set up before any visit, whatever the caller's synchronization context.
        await Task.Yield();
        var count = site.Taken.Count;
        var slot = first;
        if (site.Taken.Count > 0)
        {
            slot = Math.Max(slot, site.Taken.Max(s => schedule.SlotOf(s.At)) + 1);
        }

        var interval = schedule.Interval;
        var half = interval / 2;
        var jitter = schedule.Jitter is { } j ? TimeSpan.FromTicks(Math.Clamp(j.Ticks, 0, half.Ticks)) : half;
        while (count < schedule.Visits)
        {
            var offset = jitter * (Random.Shared.NextDouble() * 2 - 1);
            var due = schedule.SlotStart(slot) + half + offset;
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancel).ConfigureAwait(false);
            }

            AvailabilitySample sample;
            await gate.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                sample = await sampler.VisitAsync(site.Homepage, cancel).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }

            count++;
            await visited(new MonitorVisit(site, sample, count)).ConfigureAwait(false);

            // One visit per slot, by its timestamp: a visit that started late (a late timer, a wait for a free place)
            // is in a later slot than planned, and one that took long does not bunch up the next ones.
            slot = Math.Max(Math.Max(slot, schedule.SlotOf(sample.At)) + 1, schedule.SlotOf(clock.GetUtcNow()));
        }
    }
}
