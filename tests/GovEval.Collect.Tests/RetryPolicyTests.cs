using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using GovEval.Collect.Fetching;
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
    [InlineData(429, 4)]
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
    public void The_user_agent_names_us_and_the_contact() =>
        Assert.Matches(@"^GovEval/\d+\.\d+\.\d+ \(\+https://github\.com/goveval/goveval; ops@gd\.gov\.cn\)$", UserAgent.For("ops@gd.gov.cn"));

    private static HttpListener Start(ConcurrentDictionary<string, int> requests, int status, out int port)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var path = context.Request.Url!.AbsolutePath;
                requests.AddOrUpdate(path, 1, (_, n) => n + 1);
                requests.TryAdd("UA " + context.Request.UserAgent, 0);
                context.Response.StatusCode = path == "/robots.txt" ? 404 : status;
                context.Response.Close();
            }
        });
        return listener;
    }
}
