using GovEval.Collect.Probes;
using GovEval.Core.Observations;
using GovEval.Sandbox.Server;

namespace GovEval.Cli.Demo;

/// <summary>
/// The demo's monitoring window over the in-process simulated web: one visit per site in each of a run of the
/// simulated availability schedule's slots, on a <see cref="CompressedClock"/> the simulated web reads too. The clock
/// jumps to the next slot as soon as every visit of this one has reached the server and been judged by the schedule
/// (<see cref="SandboxServer.HomepageAnswers"/>); a stalled homepage goes on failing the real 15 s rule in the
/// background. So a day of 100 visits per site passes in about a minute, each visit is judged in its own slot, and a
/// busy machine cannot turn a healthy homepage into a failure.
/// </summary>
public sealed class DemoMonitor(SandboxServer server, CompressedClock clock, HomepageSampler sampler)
{
    /// <summary>Longest wait for a slot's visits to reach the server before moving on (a visit lost on the way fails anyway).</summary>
    private static readonly TimeSpan ArrivalLimit = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AvailabilitySample>>> RunAsync(
        IReadOnlyList<string> homepages, int slots, Action<int> slotDone, CancellationToken cancel)
    {
        var interval = server.Options.AvailabilitySlot;
        var first = (long)Math.Ceiling((clock.GetUtcNow() - DateTimeOffset.UnixEpoch) / interval);
        var visits = new List<Task<AvailabilitySample>[]>(slots);
        for (var slot = 0; slot < slots; slot++)
        {
            clock.JumpTo(DateTimeOffset.UnixEpoch + interval * (first + slot) + interval / 2);
            var answered = server.HomepageAnswers;
            visits.Add(homepages.Select(h => sampler.VisitAsync(h, cancel)).ToArray());
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (server.HomepageAnswers - answered < homepages.Count && waited.Elapsed < ArrivalLimit)
            {
                await Task.Delay(2, cancel);
            }

            slotDone(slot);
        }

        var samples = new Dictionary<string, IReadOnlyList<AvailabilitySample>>(StringComparer.Ordinal);
        for (var i = 0; i < homepages.Count; i++)
        {
            var site = new AvailabilitySample[slots];
            for (var slot = 0; slot < slots; slot++)
            {
                site[slot] = await visits[slot][i];
            }

            samples[homepages[i]] = site;
        }

        return samples;
    }
}
