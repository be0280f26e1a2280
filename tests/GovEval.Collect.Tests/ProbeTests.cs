using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Collect.Tests.Support;
using GovEval.Core.Observations;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;

namespace GovEval.Collect.Tests;

[Collection(LiveSandboxCollection.Name)]
public sealed class ProbeTests(LiveSandbox live)
{
    [Fact]
    public async Task A_day_of_visits_sees_exactly_the_sites_failure_share_and_is_logged()
    {
        var slot = TimeSpan.FromSeconds(864);
        var start = new DateTimeOffset(2020, 11, 29, 0, 0, 0, TimeSpan.Zero) + slot / 2;
        var clock = new SkippingClock(start);
        // A failing homepage stalls 3 s and a visit fails after 1.5 s: a wide margin on either side, so a loaded
        // machine neither fails a good visit nor passes a stalled one.
        await using var server = new SandboxServer(new SandboxOptions
        {
            Seed = 9, Sites = 80, Now = LiveSandbox.Now, DelayScale = 0.05, Clock = clock, AvailabilitySlot = slot, HomepageFailureDelay = TimeSpan.FromSeconds(60),
        });
        await server.StartAsync();
        var site = server.Population.Sites.Select(server.Site)
            .Where(s => s.FailurePercent is > 0 and <= 6 && !s.Faults.HasFlag(FaultKind.RateLimit)).OrderBy(s => s.FailurePercent).First();
        var log = new SampleLog(Path.Combine(Path.GetTempPath(), $"samples-{Guid.NewGuid():N}.jsonl"));
        try
        {
            using var fetcher = new Fetcher(new FetchOptions { ConnectTo = ConnectToRules.Parse(server.Routes()), ExtraRootsPem = [server.CertificateAuthorityPem], Politeness = false });
            var sampler = new HomepageSampler(fetcher, new SamplerOptions { Visits = 100, Interval = slot, FailAfter = TimeSpan.FromSeconds(1.5) }, clock, log);
            var samples = await sampler.SampleAsync(site.SiteUrl);
            Assert.Equal(100, samples.Count);
            // The sampler records outcomes; a visit past FailAfter is recorded as the site's timeout.
            Assert.Equal(site.FailurePercent, samples.Count(s => s.Outcome.Status == FetchStatus.Timeout));
            Assert.All(samples, s => Assert.Contains(s.Outcome.Status, new[] { FetchStatus.Ok, FetchStatus.Timeout }));
            Assert.True(samples[^1].At - samples[0].At >= slot * 99);

            var logged = log.Read($"https://{site.Host}/");
            Assert.Equal(100, logged.Count);
            Assert.Equal(site.FailurePercent, logged.Count(s => s.Outcome.Status == FetchStatus.Timeout));
        }
        finally
        {
            File.Delete(log.Path);
        }
    }

    [Fact]
    public async Task Search_records_what_it_submitted_and_what_the_results_listed()
    {
        // The probe records; it does not judge (GovEval.Checks' SearchResults does, tested there on these probes).
        using var fetcher = live.Fetcher();
        var prober = new SearchProber(fetcher);
        foreach (var mode in new[] { SearchMode.Working, SearchMode.Stale, SearchMode.Missing })
        {
            var site = live.Sites(s => s.Search == mode).First();
            var probe = await prober.ProbeAsync(site.SiteUrl, null, null, LiveSandbox.Now);
            Assert.NotNull(probe.Query);
            Assert.NotNull(probe.ExpectedUrl);
            Assert.Equal("GET", probe.Method);
            Assert.Contains(probe.Fields, f => f.Value == probe.Query);
            Assert.Contains(Uri.EscapeDataString(probe.Query), probe.SubmittedUrl, StringComparison.Ordinal);
            var listsExpected = probe.Results?.Any(r => new Uri(r.Url).AbsolutePath == new Uri(probe.ExpectedUrl).AbsolutePath) ?? false;
            switch (mode)
            {
                case SearchMode.Working:
                    Assert.True(probe.FormFound);
                    Assert.Equal(FetchStatus.Ok, probe.Outcome?.Status);
                    Assert.True(listsExpected, $"{probe.Query} → {probe.ExpectedUrl}");
                    Assert.Equal(probe.Results!.Count, probe.ResultLinkCount);
                    break;
                case SearchMode.Stale:
                    Assert.True(probe.FormFound);
                    Assert.Equal(FetchStatus.Ok, probe.Outcome?.Status);
                    Assert.NotNull(probe.Results);
                    Assert.False(listsExpected, $"{probe.Query} → {probe.ExpectedUrl}");
                    break;
                default:
                    Assert.False(probe.FormFound);
                    Assert.Null(probe.FormUrl);
                    Assert.StartsWith(new Uri(new Uri(probe.HomepageUrl!), "/search?q=").AbsoluteUri, probe.SubmittedUrl, StringComparison.Ordinal);
                    break;
            }
        }
    }

    [Fact]
    public async Task A_missing_search_that_redirects_home_is_recorded_with_where_it_landed()
    {
        // The homepage links the newest title, so reading the homepage as a results page "finds" it: the probe
        // records where /search ended and the homepage it read, so the check can tell.
        var site = live.Sites(s => s.Search == SearchMode.Missing && s.MissingPages == MissingPageBehaviour.RedirectHome).First();
        using var fetcher = live.Fetcher();
        var probe = await new SearchProber(fetcher).ProbeAsync(site.SiteUrl, null, null, LiveSandbox.Now);
        Assert.False(probe.FormFound);
        Assert.NotNull(probe.Query);
        Assert.Equal(FetchStatus.Ok, probe.Outcome?.Status);
        Assert.NotEmpty(probe.Outcome!.Redirects);
        Assert.Contains(UrlNormalizer.Normalize(probe.Outcome.FinalUrl!), new[] { UrlNormalizer.Normalize(probe.HomepageUrl!), UrlNormalizer.Normalize(site.SiteUrl) });
    }

    [Fact]
    public async Task Transport_facts_match_the_sites_settings()
    {
        using var fetcher = live.Fetcher();
        using var prober = new TransportProber(fetcher, ConnectToRules.Parse(live.Server.Ipv6Routes()));
        foreach (var site in live.Sites(_ => true).GroupBy(s => (s.Https, s.Ipv6)).Select(g => g.First()))
        {
            var (probe, notMeasured) = await prober.ProbeAsync(site.SiteUrl);
            Assert.Empty(notMeasured);
            Assert.Equal(site.Https == HttpsMode.Good, probe.HttpRedirectsToHttps);
            Assert.Equal(site.Https is HttpsMode.Good or HttpsMode.NoRedirect, probe.CertificateValid);
            Assert.Equal(site.Ipv6 != Ipv6Mode.NoAddress, probe.HasAaaa);
            Assert.Equal(site.Ipv6 == Ipv6Mode.Answers, probe.AnswersOverIpv6);
        }
    }

    [Fact]
    public async Task The_missing_page_probe_records_what_the_site_answers()
    {
        using var fetcher = live.Fetcher();
        var prober = new MissingPageProber(fetcher);
        foreach (var site in live.Sites(_ => true).GroupBy(s => s.MissingPages).Select(g => g.First()))
        {
            var outcome = await prober.ProbeAsync(site.Url("/"));
            switch (site.MissingPages)
            {
                case MissingPageBehaviour.NotFound:
                    Assert.Equal(404, outcome.HttpStatus);
                    break;
                case MissingPageBehaviour.SoftOk:
                    Assert.Equal(200, outcome.HttpStatus);
                    Assert.Empty(outcome.Redirects);
                    break;
                default:
                    Assert.NotEmpty(outcome.Redirects);
                    Assert.Equal("/", new Uri(outcome.FinalUrl!).AbsolutePath);
                    break;
            }
        }
    }

    [Fact]
    public async Task The_collector_produces_a_complete_observation()
    {
        var site = live.Sites(s => s.Https == HttpsMode.Good && !s.Faults.HasFlag(FaultKind.SlowResponse)).First();
        using var fetcher = live.Fetcher();
        using var collector = new SiteCollector(fetcher);
        var observation = await collector.CollectAsync(site.SiteUrl, LiveSandbox.Now, new CollectOptions
        {
            Crawl = new() { MaxPages = 60 },
            ShortSample = new SamplerOptions { Visits = 2, Interval = TimeSpan.FromMilliseconds(50), FailAfter = TimeSpan.FromSeconds(0.75) },
            Ipv6Routes = ConnectToRules.Parse(live.Server.Ipv6Routes()),
        });
        Assert.Equal(site.SiteUrl, observation.Homepage);
        Assert.Equal(60, observation.Pages.Count);
        Assert.NotEmpty(observation.Links);
        Assert.Equal(2, observation.Availability.Count);
        Assert.NotNull(observation.Search);
        Assert.True(observation.Transport!.HttpRedirectsToHttps);
        Assert.NotNull(observation.MissingPageProbe);
        Assert.Empty(observation.NotMeasured);
    }

    [Fact]
    public async Task One_collector_serves_many_sites_at_once()
    {
        var sites = live.Sites(s => !s.Faults.HasFlag(FaultKind.SlowResponse) && !s.Faults.HasFlag(FaultKind.SlowDrip)).Take(6).ToList();
        using var fetcher = live.Fetcher();
        using var collector = new SiteCollector(fetcher);
        var options = new CollectOptions
        {
            Crawl = new() { MaxPages = 40 },
            ShortSample = new SamplerOptions { Visits = 1, FailAfter = TimeSpan.FromSeconds(0.75) },
            Ipv6Routes = ConnectToRules.Parse(live.Server.Ipv6Routes()),
        };
        var observations = await Task.WhenAll(sites.Select(s => collector.CollectAsync(s.SiteUrl, LiveSandbox.Now, options)));
        for (var i = 0; i < sites.Count; i++)
        {
            Assert.Equal(sites[i].SiteUrl, observations[i].Homepage);
            Assert.Equal(40, observations[i].Pages.Count);
            Assert.All(observations[i].Pages, p => Assert.Equal(sites[i].Host, new Uri(p.Url).Host));
            Assert.DoesNotContain(observations[i].Links, l => l.Outcome is { Status: FetchStatus.ScannerError });
            Assert.Empty(observations[i].NotMeasured);
        }
    }
}
