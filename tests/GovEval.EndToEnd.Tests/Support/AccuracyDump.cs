using GovEval.Core.Observations;
using GovEval.Sandbox.Truth;

namespace GovEval.EndToEnd.Tests.Support;

/// <summary>
/// With GOVEVAL_E2E_DUMP=FILE, writes every extra and missed finding with the outcomes behind it, because the test
/// output shows only four of each and a shortfall is diagnosed from the fetches, not from the verdicts.
/// </summary>
public static class AccuracyDump
{
    public static void WriteIfAsked(CollectedPopulation population, IReadOnlyList<RuleScore> scores)
    {
        var path = Environment.GetEnvironmentVariable("GOVEVAL_E2E_DUMP");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        using var w = new StreamWriter(path);
        var sites = population.Truth.Sites.ToDictionary(s => s.Host, StringComparer.Ordinal);
        foreach (var s in population.Truth.Sites.Where(s => s.Faults.Count > 0))
        {
            w.WriteLine($"site {s.Host} faults {string.Join(",", s.Faults.Select(f => f.Kind).Distinct())}");
        }

        foreach (var score in scores)
        {
            w.WriteLine($"{score.Rule} truth {score.Truth} found {score.Found} matched {score.Matched} precision {score.Precision:0.000} recall {score.Recall:0.000}");
            foreach (var (kind, key) in score.Missed.Select(m => ("missed", m)).Concat(score.Extra.Select(e => ("extra", e))))
            {
                var parts = key.Split(' ');
                var host = parts[0];
                var url = parts[2];
                var o = population.Observations[host];
                var limited = sites[host].Faults.Any(f => f.Kind == "rate-limit-429") ? " [rate-limited]" : "";
                w.WriteLine($"  {kind} {key}{limited}");
                foreach (var l in o.Links.Where(l => UrlNormalizer.Normalize(l.Target) == url).Take(3))
                {
                    w.WriteLine($"      link from {l.Page} {l.Source} -> {l.Outcome?.Status} {l.Outcome?.HttpStatus} {l.Outcome?.Error} {l.Outcome?.Elapsed.TotalMilliseconds:0}ms");
                }

                foreach (var p in o.Pages.Where(p => UrlNormalizer.Normalize(p.Url) == url).Take(2))
                {
                    w.WriteLine($"      page {p.Outcome.Status} {p.Outcome.HttpStatus} {p.Outcome.Error} depth {p.Depth}");
                }

                if (score.Rule is "availability.homepage" or "veto.unreachable")
                {
                    w.WriteLine("      samples " + string.Join(" ", o.Availability.Select((a, i) => (a, i)).Where(x => x.a.Outcome.Status != FetchStatus.Ok)
                        .Select(x => $"#{x.i}:{x.a.Outcome.Status}/{x.a.Outcome.Elapsed.TotalMilliseconds:0}ms@{x.a.At:HH:mm:ss}")));
                }

                if (score.Rule.StartsWith("search.", StringComparison.Ordinal))
                {
                    w.WriteLine($"      search {o.Search}");
                }

                foreach (var f in population.Results[host].Findings.Where(f => f.Rule == score.Rule && UrlNormalizer.Normalize(f.Url) == url))
                {
                    w.WriteLine($"      finding page {f.Page}: {f.Message}");
                }

                foreach (var n in population.Results[host].NotMeasured.Where(n => n.Rule == score.Rule))
                {
                    w.WriteLine($"      not measured: {n.Reason}");
                }
            }
        }
    }
}
