using System.Collections.Concurrent;
using System.Net;
using GovEval.Collect.Fetching;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;

namespace GovEval.Collect.Tests;

/// <summary>Which answers are retried, counted on a tiny local server: transient faults yes, a 404 never.</summary>
public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(404, 1)]
    [InlineData(410, 1)]
    [InlineData(503, 4)]
    [InlineData(502, 4)]
    public async Task Only_transient_statuses_are_retried(int status, int expectedRequests)
    {
        var requests = new ConcurrentDictionary<string, int>();
        using var listener = Start(requests, status, out var port);
        using var fetcher = new Fetcher(new FetchOptions { Politeness = false, RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxRetries = 3 });
        var result = await fetcher.GetAsync($"http://127.0.0.1:{port}/page.html");
        Assert.Equal(FetchStatus.HttpError, result.Outcome.Status);
        Assert.Equal(status, result.Outcome.HttpStatus);
        Assert.Equal(expectedRequests, requests.GetValueOrDefault("/page.html"));
        Assert.StartsWith("GovEval/", requests.Keys.Single(k => k.StartsWith("UA ", StringComparison.Ordinal))[3..]);
    }

    [Fact]
    public async Task A_429_that_never_ends_is_not_measured_and_never_a_site_fault()
    {
        // 429 judges our pace, not the page: its retries have their own budget, and a URL that still answers 429
        // afterwards is the scanner's failure (a link there is "not measured", never broken).
        var requests = new ConcurrentDictionary<string, int>();
        using var listener = Start(requests, 429, out var port);
        using var fetcher = new Fetcher(new FetchOptions
        {
            Politeness = false, RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxRetries = 1, MaxRateLimitRetries = 3, MaxRetryAfter = TimeSpan.FromMilliseconds(50),
        });
        var result = await fetcher.GetAsync($"http://127.0.0.1:{port}/page.html");
        Assert.Equal(FetchStatus.ScannerError, result.Outcome.Status);
        Assert.Equal(429, result.Outcome.HttpStatus);
        Assert.False(result.Outcome.IsSiteFault);
        Assert.True(result.Outcome.IsUnknown);
        Assert.Equal(4, requests.GetValueOrDefault("/page.html"));

        // A single visit (availability) allows no retry, and its 429 is no failed visit either.
        var visit = await fetcher.FetchAsync($"http://127.0.0.1:{port}/home.html", new FetchRequest { MaxRetries = 0, CheckRobots = false });
        Assert.True(visit.Outcome.IsUnknown);
        Assert.Equal(1, requests.GetValueOrDefault("/home.html"));
    }

    [Fact]
    public void The_user_agent_names_us_and_the_contact() =>
        Assert.Matches(@"^GovEval/\d+\.\d+\.\d+ \(\+https://github\.com/goveval/goveval; ops@gd\.gov\.cn\)$", UserAgent.For("ops@gd.gov.cn"));

    private static HttpListener Start(ConcurrentDictionary<string, int> requests, int status, out int port) =>
        LoopbackListener.Start(context =>
        {
            var path = context.Request.Url!.AbsolutePath;
            requests.AddOrUpdate(path, 1, (_, n) => n + 1);
            requests.TryAdd("UA " + context.Request.UserAgent, 0);
            context.Response.StatusCode = path == "/robots.txt" ? 404 : status;
            context.Response.Close();
            return Task.CompletedTask;
        }, out port);
}

/// <summary>How a host that answered 429 is paced, on the real clock (no waiting involved).</summary>
public sealed class HostPolitenessTests
{
    [Fact]
    public void The_429_answers_to_one_burst_widen_the_pace_once()
    {
        var politeness = new HostPoliteness(0, TimeSpan.Zero, TimeProvider.System, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.Zero, politeness.IntervalOf("a.gov.cn"));
        var burst = DateTimeOffset.UtcNow;
        for (var i = 0; i < 16; i++)
        {
            politeness.RateLimited("a.gov.cn", TimeSpan.Zero, burst);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(250), politeness.IntervalOf("a.gov.cn"));

        // A 429 to a request sent at the new pace says the pace is still too fast.
        politeness.RateLimited("a.gov.cn", TimeSpan.Zero, DateTimeOffset.UtcNow.AddMilliseconds(1));
        Assert.Equal(TimeSpan.FromMilliseconds(500), politeness.IntervalOf("a.gov.cn"));
        Assert.Equal(TimeSpan.Zero, politeness.IntervalOf("b.gov.cn"));
    }
}
