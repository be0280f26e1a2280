using System.Net;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;

namespace GovEval.Collect.Tests;

/// <summary>
/// The monitor's first visits pay the scanner's own start-up. A server whose first answer is late (standing in for
/// that cost: first TLS handshakes, code run for the first time) must not turn a healthy homepage's first counted
/// visit into a failure of the 15 s rule.
/// </summary>
public sealed class MonitorWarmUpTests
{
    [Fact]
    public async Task The_monitor_pays_its_start_up_with_an_uncounted_visit()
    {
        var requests = 0;
        using var listener = Start(() => Interlocked.Increment(ref requests) == 1 ? TimeSpan.FromSeconds(4) : TimeSpan.Zero, out var port);
        var homepage = $"http://127.0.0.1:{port}/";
        var log = new SampleLog(Path.Combine(Path.GetTempPath(), $"warmup-{Guid.NewGuid():N}.jsonl"));
        try
        {
            using var fetcher = new Fetcher(new FetchOptions { Politeness = false });
            var sampler = new HomepageSampler(fetcher, new SamplerOptions { Visits = 3, Interval = TimeSpan.FromMilliseconds(10), FailAfter = TimeSpan.FromSeconds(2) }, log: log);
            var samples = (await sampler.MonitorAsync([homepage]))[homepage];
            Assert.Equal(3, samples.Count);
            Assert.All(samples, s => Assert.Equal(FetchStatus.Ok, s.Outcome.Status));
            Assert.Equal(4, requests);
            Assert.Equal(3, log.Read(homepage).Count);

            // Without the warm-up the late first answer is a failed visit: what the warm-up is for.
            requests = 0;
            var cold = new HomepageSampler(fetcher, new SamplerOptions { Visits = 3, Interval = TimeSpan.FromMilliseconds(10), FailAfter = TimeSpan.FromSeconds(2), WarmUp = false });
            var counted = (await cold.MonitorAsync([homepage]))[homepage];
            Assert.Equal(FetchStatus.Timeout, counted[0].Outcome.Status);
        }
        finally
        {
            File.Delete(log.Path);
        }
    }

    [Fact]
    public async Task The_window_monitor_pays_its_start_up_with_an_uncounted_visit_too()
    {
        var requests = 0;
        using var listener = Start(() => Interlocked.Increment(ref requests) == 1 ? TimeSpan.FromSeconds(4) : TimeSpan.Zero, out var port);
        var homepage = $"http://127.0.0.1:{port}/";
        using var fetcher = new Fetcher(new FetchOptions { Politeness = false });
        var schedule = new MonitorSchedule { VisitsPerDay = 24, Days = 0.125, Jitter = TimeSpan.Zero };

        async Task<List<AvailabilitySample>> WindowAsync(bool warmUp)
        {
            var clock = new ScaledClock(5000, new DateTimeOffset(2020, 11, 30, 0, 10, 0, TimeSpan.Zero));
            var sampler = new HomepageSampler(fetcher, new SamplerOptions { FailAfter = TimeSpan.FromSeconds(2), WarmUp = warmUp }, clock);
            var taken = new List<AvailabilitySample>();
            await new HomepageMonitor(sampler, clock).RunAsync([new("home", homepage, [])], schedule, v =>
            {
                taken.Add(v.Sample);
                return ValueTask.CompletedTask;
            });
            return taken;
        }

        var samples = await WindowAsync(warmUp: true);
        Assert.Equal(3, samples.Count);
        Assert.All(samples, s => Assert.Equal(FetchStatus.Ok, s.Outcome.Status));
        Assert.Equal(4, requests);

        // Without the warm-up the late first answer is a failed visit of the window.
        requests = 0;
        var cold = await WindowAsync(warmUp: false);
        Assert.Equal(FetchStatus.Timeout, cold[0].Outcome.Status);
        Assert.Equal(3, requests);
    }

    private static HttpListener Start(Func<TimeSpan> delay, out int port) =>
        LoopbackListener.Start(async context =>
        {
            await Task.Delay(delay());
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync("<html><body>首页</body></html>"u8.ToArray());
            context.Response.Close();
        }, out port);
}
