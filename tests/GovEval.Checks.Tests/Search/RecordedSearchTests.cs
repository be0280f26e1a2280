using System.Text.Json;
using GovEval.Checks.Search;
using GovEval.Checks.Tests.Support;
using GovEval.Collect.Fetching;
using GovEval.Collect.Probes;
using GovEval.Core.Observations;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;

namespace GovEval.Checks.Tests.Search;

/// <summary>
/// search.missing and search.not-found are decided by the check from what the probe recorded (what it submitted,
/// where the results page ended, the links it listed), so a stored probe can be judged again. The fixtures under
/// fixtures/search are recorded probes; these tests take probes from the real prober and through JSON.
/// </summary>
public sealed class RecordedSearchTests
{
    private static readonly DateTimeOffset Now = new(2020, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Probes_of_the_simulated_web_are_judged_found_not_found_and_missing()
    {
        await using var server = new SandboxServer(new SandboxOptions { Seed = 9, Sites = 80, Now = Now, DelayScale = 0.05 });
        await server.StartAsync();
        using var fetcher = new Fetcher(new FetchOptions
        {
            ConnectTo = ConnectToRules.Parse(server.Routes()),
            ExtraRootsPem = [server.CertificateAuthorityPem],
            Timeout = TimeSpan.FromSeconds(4),
            Politeness = false,
        });
        var prober = new SearchProber(fetcher);
        var expected = new Dictionary<SearchMode, string[]>
        {
            [SearchMode.Working] = [],
            [SearchMode.Stale] = [SiteSearch.NotFoundRule],
            [SearchMode.Missing] = [SiteSearch.MissingRule],
        };
        foreach (var (mode, rules) in expected)
        {
            var site = server.Population.Sites.Select(server.Site)
                .First(s => s.Search == mode && !s.Faults.HasFlag(FaultKind.RateLimit));
            var home = $"http://{site.Host}/";
            var probe = await prober.ProbeAsync(home, null, null, Now);
            var observation = new SiteObservation(home, Now, [], [], [], probe, null, null, []);

            var result = new SiteSearch().Run(observation, new CheckContext(ShippedRules.Options));

            Assert.True(rules.SequenceEqual(result.Findings.Select(f => f.Rule)), $"{mode} {site.Host}: {string.Join(", ", result.Findings.Select(f => f.Rule))} ({probe})");
            string[] notMeasured = mode == SearchMode.Missing ? [SiteSearch.NotFoundRule] : [];
            Assert.Equal(notMeasured, result.NotMeasured.Select(n => n.Rule));
        }
    }

    public static TheoryData<string> SearchFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in FixtureCase.All("search"))
        {
            data.Add(fixture.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SearchFixtures))]
    public void A_probe_stored_as_json_is_judged_as_the_recorded_one(string name)
    {
        var fixture = FixtureCase.Load("search", name);
        var json = JsonSerializer.Serialize(fixture.Observation.Search);
        var reloaded = JsonSerializer.Deserialize<SearchProbe>(json);
        Assert.Equal(json, JsonSerializer.Serialize(reloaded));

        var recorded = new SiteSearch().Run(fixture.Observation, new CheckContext(ShippedRules.Options));
        var rejudged = new SiteSearch().Run(fixture.Observation with { Search = reloaded }, new CheckContext(ShippedRules.Options));
        Assert.Equal(recorded.Findings, rejudged.Findings);
        Assert.Equal(recorded.NotMeasured, rejudged.NotMeasured);
    }

    [Fact]
    public void The_verdict_names_what_decided_it()
    {
        var fixture = FixtureCase.Load("search", "working");
        var probe = fixture.Observation.Search!;
        var homes = new HashSet<string>(StringComparer.Ordinal) { UrlNormalizer.Normalize(FixtureCase.Home) };
        Assert.Equal(SearchVerdict.Found, SearchResults.Judge(probe, homes));
        Assert.Equal(SearchVerdict.NotFound, SearchResults.Judge(probe with { Results = [new SearchResultLink(FixtureCase.Home + "xwzx/1.html?x=1", null)], ResultLinkCount = 1 }, homes));
        Assert.Equal(SearchVerdict.Unknown, SearchResults.Judge(probe with { Results = [new SearchResultLink(FixtureCase.Home, null)], ResultLinkCount = 5000 }, homes));
        Assert.Equal(SearchVerdict.Unknown, SearchResults.Judge(probe with { Outcome = probe.Outcome! with { Status = FetchStatus.ScannerError } }, homes));
        Assert.Equal(SearchVerdict.NotFound, SearchResults.Judge(probe with { Outcome = probe.Outcome! with { FinalUrl = FixtureCase.Home } }, homes));
        Assert.Equal(SearchVerdict.NotFound, SearchResults.Judge(probe with { Outcome = probe.Outcome! with { Status = FetchStatus.HttpError, HttpStatus = 500 } }, homes));
        Assert.Equal(SearchVerdict.Unknown, SearchResults.Judge(probe with { Query = null }, homes));
    }
}
