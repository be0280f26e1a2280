using GovEval.Core.Observations;
using GovEval.Core.Rules;
using GovEval.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace GovEval.EndToEnd.Tests;

/// <summary>
/// Issue 4's bar: against a 100-site simulated population, every website rule id reaches precision and recall of
/// at least 0.97, and the simulated web's scanner faults never count against a site.
/// </summary>
public sealed class AccuracyTests(CollectedPopulation population, ITestOutputHelper output) : IClassFixture<CollectedPopulation>
{
    /// <summary>Website rules a site can show (RULES.md); a11y.* and mobile.* need the browser, later.</summary>
    public static IReadOnlyList<string> WebsiteRules { get; } = RuleCatalogue.All
        .Where(r => r.Website && !r.Id.StartsWith("a11y.", StringComparison.Ordinal) && !r.Id.StartsWith("mobile.", StringComparison.Ordinal))
        .Select(r => r.Id)
        .ToList();

    [Fact]
    public void Every_website_rule_reaches_precision_and_recall_of_097()
    {
        var findings = population.Results.ToDictionary(r => r.Key, r => r.Value.Findings, StringComparer.Ordinal);
        var scores = TruthComparison.Compare(population.Truth, findings, WebsiteRules);
        output.WriteLine($"monitor {population.MonitorElapsed.TotalSeconds:0.0} s, collection {population.CollectElapsed.TotalSeconds:0.0} s, "
            + $"{population.Observations.Values.Sum(o => o.Pages.Count)} pages, {population.Observations.Values.Sum(o => o.Links.Count)} links");
        output.WriteLine("slowest sites: " + string.Join(", ", population.SiteElapsed.OrderByDescending(e => e.Value).Take(5)
            .Select(e => $"{e.Key} {e.Value.TotalSeconds:0} s ({population.Observations[e.Key].Pages.Count} pages)")));
        foreach (var (host, o) in population.Observations.Take(8))
        {
            output.WriteLine($"{host}: pages {o.Pages.Count} first {o.Pages.FirstOrDefault()?.Outcome.Status} {o.Pages.FirstOrDefault()?.Outcome.Error}; samples "
                + string.Join(",", o.Availability.GroupBy(a => a.Outcome.Status).Select(g => $"{g.Key}:{g.Count()}")) + " " + o.Availability.FirstOrDefault(a => a.Outcome.Status != FetchStatus.Ok)?.Outcome.Error);
        }

        foreach (var score in scores)
        {
            output.WriteLine(score.ToString());
        }

        AccuracyDump.WriteIfAsked(population, scores);

        Assert.All(scores, s => Assert.True(s.Truth >= 1, $"{s.Rule}: the population holds no case, so nothing was measured"));
        Assert.All(scores, s => Assert.True(s.Precision >= 0.97 && s.Recall >= 0.97, s.ToString()));
    }

    [Fact]
    public void Scanner_faults_never_count_against_a_site_and_robots_areas_are_never_fetched()
    {
        var faultUrls = population.Truth.Sites.SelectMany(s => s.Faults.Select(f => UrlNormalizer.Normalize(f.Url))).ToHashSet(StringComparer.Ordinal);
        var defectUrls = population.Truth.Sites.SelectMany(s => s.Defects.Select(d => UrlNormalizer.Normalize(d.Url))).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(faultUrls);
        var blamed = population.Results.Values
            .SelectMany(r => r.Findings)
            .Where(f => faultUrls.Contains(UrlNormalizer.Normalize(f.Url)) && !defectUrls.Contains(UrlNormalizer.Normalize(f.Url)))
            .ToList();
        Assert.True(blamed.Count == 0, string.Join("\n", blamed.Take(10).Select(f => $"{f.Rule} {f.Url} ({f.Message})")));
        Assert.Equal(0, population.Server.DisallowedRequests);
        Assert.Equal(CollectedPopulation.Sites, population.Observations.Count);
        Assert.All(population.Observations.Values, o => Assert.NotEmpty(o.Pages));
    }

    [Fact]
    public void Every_finding_carries_its_archived_evidence()
    {
        var findings = population.Results.Values.SelectMany(r => r.Findings).ToList();
        var withEvidence = findings.Count(f => f.Evidence is { Warc.Length: > 0, Record.Length: > 0, Sha256.Length: 64 });
        output.WriteLine($"{withEvidence} of {findings.Count} findings carry WARC evidence");
        Assert.Equal(findings.Count, withEvidence);
    }
}
