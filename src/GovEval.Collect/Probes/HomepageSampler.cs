using GovEval.Collect.Fetching;
using GovEval.Core.Observations;

namespace GovEval.Collect.Probes;

/// <summary>How the homepage is sampled: the framework's timeout (the national check's 15 s rule), and how many visits over what window.</summary>
public sealed class SamplerOptions
{
    /// <summary>
    /// A visit fails when the homepage has not fully arrived after this long: the framework's
    /// <c>homepage-timeout-seconds</c>, so the sampler waits as long as the rule does (a number of the rules, no default).
    /// </summary>
    public required TimeSpan FailAfter { get; init; }

    /// <summary>
    /// The short sample a single check takes when no monitor ran: three visits two seconds apart, each failing after
    /// <paramref name="failAfter"/>. How many visits a short sample takes is the tool's choice; what fails a visit is the rule's.
    /// </summary>
    public static SamplerOptions Short(TimeSpan failAfter) => new() { FailAfter = failAfter, Visits = 3, Interval = TimeSpan.FromSeconds(2) };

    public int Visits { get; init; } = 3;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Each visit moves by up to ± this much, so sites are not always seen at the same phase of a schedule.</summary>
    public TimeSpan Jitter { get; init; } = TimeSpan.Zero;

    /// <summary>Sites visited at once by <see cref="HomepageSampler.MonitorAsync"/>.</summary>
    public int Parallelism { get; init; } = 32;

    /// <summary>Whether <see cref="HomepageSampler.MonitorAsync"/> and <see cref="HomepageMonitor"/> first pay one uncounted visit per homepage (see WarmUpAsync).</summary>
    public bool WarmUp { get; init; } = true;
}

/// <summary>
/// Visits homepages at intervals and records each visit as an availability sample: the outcome and how long it
/// took, never whether it failed (the checks' <c>AvailabilityShare</c> decides that, for the monitor too). Waiting goes through the
/// <see cref="TimeProvider"/>, so tests compress a day into seconds; the 15 s rule itself is measured in real time.
/// Each sample is appended to the <see cref="SampleLog"/> as soon as it is taken.
/// </summary>
public sealed class HomepageSampler(Fetcher fetcher, SamplerOptions options, TimeProvider? clock = null, SampleLog? log = null)
{
    private readonly TimeProvider time = clock ?? fetcher.Options.Clock;

    public SamplerOptions Options => options;

    /// <summary>One visit now.</summary>
    public async Task<AvailabilitySample> VisitAsync(string homepage, CancellationToken cancel = default)
    {
        var at = time.GetUtcNow();
        var result = await fetcher.FetchAsync(homepage, Visit(archive: true), cancel).ConfigureAwait(false);
        var sample = new AvailabilitySample(at, result.Outcome);
        log?.Append(homepage, sample);
        return sample;
    }

    /// <summary><see cref="SamplerOptions.Visits"/> visits, <see cref="SamplerOptions.Interval"/> apart (plus jitter).</summary>
    public async Task<IReadOnlyList<AvailabilitySample>> SampleAsync(string homepage, CancellationToken cancel = default)
    {
        var samples = new List<AvailabilitySample>(options.Visits);
        var start = time.GetUtcNow();
        for (var i = 0; i < options.Visits; i++)
        {
            var due = start + options.Interval * i + Jitter(i);
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancel).ConfigureAwait(false);
            }

            samples.Add(await VisitAsync(homepage, cancel).ConfigureAwait(false));
        }

        return samples;
    }

    /// <summary>
    /// One visit to each homepage that is neither counted, logged nor archived. The first visits of a monitor pay
    /// for the scanner's own start-up (code paths run for the first time, the thread pool growing, hundreds of
    /// connections and TLS handshakes opened at once); that cost is ours, and counted against the first round it
    /// turns a healthy site's visit into a failure of the 15 s rule.
    /// </summary>
    public Task WarmUpAsync(IEnumerable<string> homepages, CancellationToken cancel = default) =>
        Parallel.ForEachAsync(homepages, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancel },
            async (homepage, token) => await fetcher.FetchAsync(homepage, Visit(archive: false), token).ConfigureAwait(false));

    /// <summary>The monitor: samples many homepages over the same schedule, concurrently across sites.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AvailabilitySample>>> MonitorAsync(IEnumerable<string> homepages, CancellationToken cancel = default)
    {
        var sites = homepages.ToList();
        if (options.WarmUp)
        {
            await WarmUpAsync(sites, cancel).ConfigureAwait(false);
        }

        var results = new IReadOnlyList<AvailabilitySample>[sites.Count];
        await Parallel.ForAsync(0, sites.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancel },
            async (i, token) => results[i] = await SampleAsync(sites[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return sites.Select((s, i) => (s, results[i])).ToDictionary(p => p.s, p => p.Item2);
    }

    // The 15 s rule covers the whole visit, redirects included; a visit is a single try, and the homepage is
    // visited whatever robots.txt says (it is what every visitor gets).
    private FetchRequest Visit(bool archive) =>
        new() { Timeout = options.FailAfter, TotalTimeout = options.FailAfter, MaxRetries = 0, CheckRobots = false, Archive = archive };

    private TimeSpan Jitter(int visit) =>
        visit == 0 || options.Jitter <= TimeSpan.Zero ? TimeSpan.Zero : options.Jitter * (Random.Shared.NextDouble() * 2 - 1);
}
