using GovEval.Core.Observations;

namespace GovEval.Collect.Probes;

/// <summary>
/// A monitoring window: <see cref="Visits"/> rounds <see cref="Interval"/> apart. Rounds sit on a grid from the Unix
/// epoch (visits at fixed times of day, like a cron job), so two monitors with the same interval visit at the same
/// instants and each visit stays within its own interval whatever the jitter.
/// </summary>
public sealed class MonitorWindow
{
    /// <summary>Visits per site over the window: 20 a day for 7 days is the national check's minimum.</summary>
    public int Visits { get; init; } = 140;

    public TimeSpan Interval { get; init; } = TimeSpan.FromDays(1) / 20;

    /// <summary>A round moves by up to ± this much around the middle of its interval (at most 0.4 of it).</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>Sites visited at once within a round.</summary>
    public int Parallelism { get; init; } = 64;

    /// <summary>Rounds already taken (a restarted monitor continues the window instead of starting a new one).</summary>
    public int Skip { get; init; }
}

/// <summary>
/// The availability monitor: every round visits every homepage (the 15 s rule of <see cref="SamplerOptions.FailAfter"/>)
/// and hands the round's samples to the caller to persist before the next round starts. Waiting for a round's instant
/// goes through the clock: real time in production; a <see cref="CompressedClock"/> jumps there at once, but only after
/// the previous round has finished, so every visit is judged at its own instant.
/// </summary>
public sealed class AvailabilityMonitor(HomepageSampler sampler, TimeProvider clock)
{
    public async Task RunAsync(
        IReadOnlyList<string> homepages,
        MonitorWindow window,
        Func<int, IReadOnlyDictionary<string, AvailabilitySample>, Task> roundDone,
        CancellationToken cancel = default)
    {
        if (window.Interval <= TimeSpan.Zero || window.Visits < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(window), "a window needs a positive interval and a non-negative number of visits");
        }

        var jitter = TimeSpan.FromTicks(Math.Min(window.Jitter.Ticks, (long)(window.Interval.Ticks * 0.4)));
        var first = (long)Math.Ceiling((clock.GetUtcNow() - DateTimeOffset.UnixEpoch) / window.Interval);
        for (var round = window.Skip; round < window.Visits; round++)
        {
            var offset = jitter > TimeSpan.Zero ? jitter * (Random.Shared.NextDouble() * 2 - 1) : TimeSpan.Zero;
            var due = DateTimeOffset.UnixEpoch + window.Interval * (first + round - window.Skip) + window.Interval / 2 + offset;
            await WaitUntilAsync(due, cancel).ConfigureAwait(false);
            var samples = new AvailabilitySample[homepages.Count];
            await Parallel.ForAsync(0, homepages.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, window.Parallelism), CancellationToken = cancel },
                async (i, token) => samples[i] = await sampler.VisitAsync(homepages[i], token).ConfigureAwait(false)).ConfigureAwait(false);
            var byHomepage = new Dictionary<string, AvailabilitySample>(StringComparer.Ordinal);
            for (var i = 0; i < homepages.Count; i++)
            {
                byHomepage[homepages[i]] = samples[i];
            }

            await roundDone(round, byHomepage).ConfigureAwait(false);
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancel)
    {
        if (clock is CompressedClock compressed)
        {
            compressed.JumpTo(due);
            return;
        }

        var wait = due - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancel).ConfigureAwait(false);
        }
    }
}
