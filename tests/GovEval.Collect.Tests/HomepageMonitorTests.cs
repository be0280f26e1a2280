using System.Collections.Concurrent;
using System.Diagnostics;
using GovEval.Collect.Probes;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;
using GovEval.Sandbox.Quality;

namespace GovEval.Collect.Tests;

[Collection(LiveSandboxCollection.Name)]
public sealed class HomepageMonitorTests(LiveSandbox live)
{
    [Fact]
    public async Task A_scaled_clock_runs_n_times_faster_from_its_start_and_its_timers_fire_in_scaled_time()
    {
        var start = new DateTimeOffset(2020, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var clock = new ScaledClock(3600, start);
        var watch = Stopwatch.StartNew();

        await Task.Delay(TimeSpan.FromHours(1), clock);

        // The clock is read before the stopwatch: read after, a preempted test thread (17 ms is a scaled minute)
        // would see the clock run ahead of the real time it measured.
        var now = clock.GetUtcNow();
        var real = watch.Elapsed;
        Assert.InRange(real, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.True(now >= start.AddHours(1), $"{now:O}");
        Assert.True(now <= start + real * 3600 + TimeSpan.FromMinutes(1), $"{now:O} after {real}");
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledClock(0.5));
    }

    [Fact]
    public async Task The_monitor_takes_one_visit_per_slot_until_the_window_is_full_continuing_after_what_was_taken()
    {
        var sites = live.Sites(s => s.FailurePercent == 0 && s.Faults == FaultKind.None).Take(2).ToList();
        using var fetcher = live.Fetcher();
        var schedule = new MonitorSchedule { VisitsPerDay = 24, Days = 0.25, Jitter = TimeSpan.Zero };
        var clock = new ScaledClock(5000, new DateTimeOffset(2020, 11, 30, 0, 10, 0, TimeSpan.Zero));
        var sampler = new HomepageSampler(fetcher, new SamplerOptions { FailAfter = TimeSpan.FromSeconds(2) }, clock);
        // The second site already holds 4 visits of its window, the last in the 05:00 slot.
        var taken = Enumerable.Range(2, 4).Select(h => new AvailabilitySample(new DateTimeOffset(2020, 11, 30, h, 30, 0, TimeSpan.Zero), OkOutcome(sites[1].SiteUrl))).ToList();
        MonitoredHomepage[] monitored = [new("a", sites[0].SiteUrl, []), new("b", sites[1].SiteUrl, taken)];
        var visits = new ConcurrentQueue<MonitorVisit>();

        await new HomepageMonitor(sampler, clock).RunAsync(monitored, schedule, v =>
        {
            visits.Enqueue(v);
            return ValueTask.CompletedTask;
        });

        var a = visits.Where(v => v.Site.Key == "a").ToList();
        var b = visits.Where(v => v.Site.Key == "b").ToList();
        Assert.Equal(6, a.Count);
        Assert.Equal(2, b.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], a.Select(v => v.Count));
        Assert.Equal([5, 6], b.Select(v => v.Count));
        Assert.All(visits, v => Assert.Equal(FetchStatus.Ok, v.Sample.Outcome.Status));
        var slots = a.Select(v => schedule.SlotOf(v.Sample.At)).ToList();
        Assert.Equal(slots.Order(), slots);
        Assert.Equal(6, slots.Distinct().Count());
        Assert.True(slots[0] == schedule.SlotOf(new DateTimeOffset(2020, 11, 30, 0, 10, 0, TimeSpan.Zero)), "the first visit is in the slot the window starts in");
        Assert.All(b, v => Assert.True(v.Sample.At >= new DateTimeOffset(2020, 11, 30, 6, 0, 0, TimeSpan.Zero), $"{v.Sample.At:O} is not after the slots already taken"));
    }

    private static FetchOutcome OkOutcome(string url) => new(url, FetchStatus.Ok, 200, url, [], null, null, TimeSpan.FromMilliseconds(5), null, null);
}
