using System.Diagnostics;
using GovEval.Collect.Fetching;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Rendering;
using GovEval.Sandbox.Sites;

namespace GovEval.Collect.Tests;

/// <summary>Every scanner fault of the sandbox is survived and classified: none of them is a site fault.</summary>
[Collection(LiveSandboxCollection.Name)]
public sealed class FetcherFaultTests(LiveSandbox live)
{
    [Fact]
    public async Task A_slow_response_within_the_timeout_is_ok()
    {
        var site = live.With(FaultKind.SlowResponse);
        using var fetcher = live.Fetcher();
        var result = await fetcher.GetAsync(site.Url(site.Columns.First(c => c.Class == ColumnClass.Other).FirstPagePath));
        Assert.Equal(FetchStatus.Ok, result.Outcome.Status);
    }

    [Fact]
    public async Task A_slow_drip_within_the_timeout_is_ok_and_over_it_times_out()
    {
        var site = live.With(FaultKind.SlowDrip, s => s.Columns.Any(c => c.Class == ColumnClass.Static && c.Count > 0));
        var url = site.Url(site.Item(site.Columns.First(c => c.Class == ColumnClass.Static), 0).Path);
        using (var fetcher = live.Fetcher())
        {
            var result = await fetcher.GetAsync(url);
            Assert.Equal(FetchStatus.Ok, result.Outcome.Status);
            Assert.NotEmpty(result.Html!);
        }

        // The drip lasts 5 s × 0.05 = 250 ms: headers come at once, so only a total timeout catches it.
        using var impatient = live.Fetcher(o => new FetchOptions { ConnectTo = o.ConnectTo, ExtraRootsPem = o.ExtraRootsPem, Politeness = false, Timeout = TimeSpan.FromMilliseconds(120), RetryBaseDelay = o.RetryBaseDelay });
        var slow = await impatient.GetAsync(url);
        Assert.Equal(FetchStatus.Timeout, slow.Outcome.Status);
        Assert.True(slow.Outcome.IsSiteFault);
    }

    [Fact]
    public async Task A_5xx_burst_is_recovered_by_retries()
    {
        var site = live.With(FaultKind.Burst5xx, s => s.Columns[0].Pages > 1);
        using var fetcher = live.Fetcher();
        var result = await fetcher.GetAsync(site.Url(site.Columns[0].PagePath(1)));
        Assert.Equal(FetchStatus.Ok, result.Outcome.Status);
    }

    [Fact]
    public async Task A_transient_reset_is_recovered_by_a_retry()
    {
        var site = live.With(FaultKind.TransientReset, s => s.Columns[0].Count > 0);
        using var fetcher = live.Fetcher();
        var result = await fetcher.GetAsync(site.Url(site.Item(site.Columns[0], 0).Path));
        Assert.Equal(FetchStatus.Ok, result.Outcome.Status);
    }

    [Fact]
    public async Task A_503_with_retry_after_is_honoured()
    {
        var site = live.With(FaultKind.RetryAfter503);
        using var fetcher = live.Fetcher();
        var url = site.Url(site.Columns.First(c => c.Class == ColumnClass.Policy).FirstPagePath);
        var watch = Stopwatch.StartNew();
        var first = await fetcher.GetAsync(url);
        var second = await fetcher.GetAsync(url);
        Assert.Equal(FetchStatus.Ok, first.Outcome.Status);
        Assert.Equal(FetchStatus.Ok, second.Outcome.Status);

        // One of the two met the 503 and waited the Retry-After second before retrying.
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.95), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Rate_limit_429_is_never_reported_with_politeness_on()
    {
        var site = live.With(FaultKind.RateLimit, s => s.Columns.Count >= 6);
        using var fetcher = live.Fetcher(o => new FetchOptions
        {
            ConnectTo = o.ConnectTo, ExtraRootsPem = o.ExtraRootsPem, Timeout = o.Timeout, RetryBaseDelay = o.RetryBaseDelay, MaxRetryAfter = o.MaxRetryAfter,
            Politeness = true, MaxConcurrencyPerHost = 2, MinimumInterval = TimeSpan.FromMilliseconds(250),
        });
        var urls = site.Columns.Take(6).Select(c => site.Url(c.FirstPagePath)).Append(site.Url("/")).Append(site.Url("/lxwm.html"));
        var results = await Task.WhenAll(urls.Select(u => fetcher.GetAsync(u)));
        Assert.All(results, r => Assert.NotEqual(429, r.Outcome.HttpStatus));
        Assert.All(results, r => Assert.False(r.Outcome.IsSiteFault, $"{r.Outcome.Url}: {r.Outcome.Status} {r.Outcome.Error}"));
    }

    [Fact]
    public async Task Rate_limit_429_is_never_reported_with_politeness_off()
    {
        // Politeness off is how benchmarks and the 100-site accuracy run crawl: a burst well over the site's 5
        // requests a second. The site's 429 + Retry-After must slow that host down until every page arrives.
        var site = live.With(FaultKind.RateLimit, s => s.Columns.Count >= 8);
        using var fetcher = live.Fetcher();
        var urls = site.Columns.Take(8).SelectMany(c => new[] { site.Url(c.FirstPagePath), site.Url(c.FirstPagePath) + "?v=2" })
            .Append(site.Url("/")).Append(site.Url("/lxwm.html")).ToList();
        var results = await Task.WhenAll(urls.Select(u => fetcher.GetAsync(u)));
        Assert.All(results, r => Assert.NotEqual(429, r.Outcome.HttpStatus));
        Assert.All(results, r => Assert.False(r.Outcome.IsSiteFault, $"{r.Outcome.Url}: {r.Outcome.Status} {r.Outcome.Error}"));
        Assert.True(fetcher.IntervalOf(new Uri(urls[0]).Host) >= TimeSpan.FromMilliseconds(200), "the host that answered 429 is paced from then on");
    }

    [Fact]
    public async Task A_redirect_chain_is_recorded_hop_by_hop()
    {
        var site = live.With(FaultKind.RedirectChain);
        using var fetcher = live.Fetcher();
        var result = await fetcher.GetAsync(site.Url(FaultPaths.ChainStart));
        Assert.Equal(FetchStatus.Ok, result.Outcome.Status);
        Assert.Equal(FaultPaths.ChainLength, result.Outcome.Redirects.Count);
        Assert.EndsWith("/lxwm.html", result.Outcome.FinalUrl);
        Assert.Equal(site.Url(FaultPaths.ChainStart), result.Outcome.Redirects[0].From);
        Assert.Equal(result.Outcome.Redirects[0].To, result.Outcome.Redirects[1].From);
    }

    [Fact]
    public async Task A_large_page_and_a_gzip_bomb_are_too_large_without_big_memory()
    {
        var large = live.With(FaultKind.LargePage);
        var bomb = live.With(FaultKind.GzipBomb);
        using var fetcher = live.Fetcher();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var a = await fetcher.GetAsync(large.Url(FaultPaths.LargePage));
        var b = await fetcher.GetAsync(bomb.Url(FaultPaths.GzipBomb));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(FetchStatus.TooLarge, a.Outcome.Status);
        Assert.Equal(FetchStatus.TooLarge, b.Outcome.Status);
        Assert.False(a.Outcome.IsSiteFault);
        Assert.True(allocated < 48L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MiB");
    }

    [Fact]
    public async Task Robots_disallowed_pages_are_never_requested()
    {
        var site = live.With(FaultKind.RobotsDisallowed, s => s.Columns[0].Count > 0);
        using var fetcher = live.Fetcher();
        var before = live.Server.DisallowedRequests;
        var result = await fetcher.GetAsync(site.Url(FaultPaths.PrintPrefix + site.Item(site.Columns[0], 0).Path));
        Assert.Equal(FetchStatus.RobotsExcluded, result.Outcome.Status);
        Assert.True(result.Outcome.IsUnknown);
        Assert.Equal(before, live.Server.DisallowedRequests);
    }

    [Fact]
    public async Task Our_own_cancellation_is_a_scanner_error_never_a_site_fault()
    {
        var site = live.With(FaultKind.SlowResponse);
        using var fetcher = live.Fetcher();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var result = await fetcher.FetchAsync(site.Url(site.Columns.First(c => c.Class == ColumnClass.Other).FirstPagePath), FetchRequest.Get, cancel.Token);
        Assert.Equal(FetchStatus.ScannerError, result.Outcome.Status);
        Assert.False(result.Outcome.IsSiteFault);
        Assert.True(result.Outcome.IsUnknown);
    }

    [Fact]
    public async Task Every_kind_of_broken_target_is_a_site_fault()
    {
        using var fetcher = live.Fetcher();
        var targets = live.Sites(s => s.Broken.Count > 0).SelectMany(s => s.Broken.Select(b => (Site: s, Broken: b)))
            .GroupBy(t => t.Broken.Kind).Select(g => g.First()).ToList();
        Assert.True(targets.Count >= 6, $"only {targets.Count} kinds");
        var results = await Task.WhenAll(targets.Select(async t =>
        {
            var url = t.Broken.External ? t.Broken.Target : t.Site.Url(t.Broken.Target);
            return (t.Broken.Kind, (await fetcher.GetAsync(url)).Outcome);
        }));
        foreach (var (kind, outcome) in results)
        {
            Assert.True(outcome.IsSiteFault, $"{kind} {outcome.Url}: {outcome.Status} {outcome.Error}");
            var expected = kind switch
            {
                BreakKind.NotFound404 or BreakKind.Gone410 or BreakKind.ServerError500 or BreakKind.BadGateway502 => FetchStatus.HttpError,
                BreakKind.ConnectionReset => FetchStatus.Connection,
                BreakKind.Timeout => FetchStatus.Timeout,
                BreakKind.UnresolvableHost => FetchStatus.Dns,
                _ => FetchStatus.RedirectLoop,
            };
            Assert.Equal(expected, outcome.Status);
        }
    }

    [Theory]
    [InlineData(HttpsMode.ExpiredCertificate, "expired")]
    [InlineData(HttpsMode.WrongNameCertificate, "name mismatch")]
    [InlineData(HttpsMode.SelfSignedCertificate, "untrusted")]
    [InlineData(HttpsMode.NoTls, null)]
    public async Task An_invalid_certificate_or_no_tls_is_a_tls_site_fault(HttpsMode mode, string? problem)
    {
        var site = live.Sites(s => s.Https == mode).First();
        using var fetcher = live.Fetcher();
        var result = await fetcher.GetAsync($"https://{site.Host}/");
        Assert.Equal(FetchStatus.Tls, result.Outcome.Status);
        Assert.True(result.Outcome.IsSiteFault);
        if (problem is not null)
        {
            Assert.Contains(problem, result.CertificateProblem);
        }
    }

    [Fact]
    public async Task A_valid_certificate_chains_to_the_extra_root()
    {
        var site = live.Sites(s => s.Https == HttpsMode.Good).First();
        using var fetcher = live.Fetcher();
        var result = await fetcher.GetAsync($"http://{site.Host}/");
        Assert.Equal(FetchStatus.Ok, result.Outcome.Status);
        Assert.StartsWith("https://", result.Outcome.FinalUrl);
        Assert.Single(result.Outcome.Redirects);

        // HTTP/2 is negotiated over TLS (ALPN); cleartext stays HTTP/1.1.
        Assert.Equal(new Version(2, 0), result.Protocol);
    }

    [Fact]
    public async Task Malformed_item_pages_still_yield_their_links()
    {
        var site = live.With(FaultKind.MalformedHtml, s => s.Columns[0].Count > 0);
        using var fetcher = live.Fetcher();
        var result = await fetcher.GetAsync(site.Url(site.Item(site.Columns[0], 0).Path));
        var links = Crawling.LinkExtractor.Extract(result.Html!, out _);
        Assert.Contains(links, l => l.Reference == "/");
        Assert.True(links.Count(l => l.Source == LinkSource.Anchor) >= 5, $"{links.Count} links");
    }

    [Theory]
    [InlineData(PageEncoding.Gbk)]
    [InlineData(PageEncoding.Gb18030)]
    [InlineData(PageEncoding.Utf8)]
    public async Task Pages_in_every_encoding_and_declaration_decode_to_the_right_text(PageEncoding encoding)
    {
        var sites = live.Sites(s => s.Encoding == encoding).GroupBy(s => s.Declaration).Select(g => g.First()).ToList();
        Assert.NotEmpty(sites);
        using var fetcher = live.Fetcher();
        foreach (var site in sites)
        {
            var result = await fetcher.GetAsync(site.Url("/"));
            Assert.Equal(FetchStatus.Ok, result.Outcome.Status);
            Assert.Contains(site.Name, result.Html);
        }
    }
}
