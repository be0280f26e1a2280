using System.Text.Json;
using System.Text.Json.Nodes;
using GovEval.Core.Observations;

namespace GovEval.Checks.Tests.Support;

/// <summary>
/// One fixture case: <c>fixtures/&lt;family&gt;/&lt;case&gt;.html</c> is the page under test and
/// <c>&lt;case&gt;.expected.json</c> says where it is served (<c>url</c>, default the homepage), the clock
/// (<c>now</c>), other pages of the site (<c>pages</c>: url → fixture file), link outcomes (<c>links</c>),
/// availability samples, the search probe as recorded (<c>search</c>: form, formUrl, query, expectedUrl, the results
/// page's <c>status</c> and <c>finalUrl</c>, the <c>results</c> links it listed, <c>resultLinkCount</c> when the
/// probe's limit cut them), and what the family must report: exactly <c>findings</c>
/// (rule + url, optional <c>message</c> fragment), <c>measurements</c> and <c>notMeasured</c> rules.
/// </summary>
public sealed class FixtureCase
{
    public const string Home = "http://www.example.gov.cn/";

    public required string Family { get; init; }
    public required string Name { get; init; }
    public required JsonObject Expected { get; init; }
    public required SiteObservation Observation { get; init; }

    public override string ToString() => $"{Family}/{Name}";

    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static IEnumerable<FixtureCase> All(string family)
    {
        var folder = Path.Combine(Root, family);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var html in Directory.GetFiles(folder, "*.html").Where(f => !Path.GetFileName(f).StartsWith('_')).Order(StringComparer.Ordinal))
        {
            yield return Load(family, Path.GetFileNameWithoutExtension(html));
        }
    }

    public static FixtureCase Load(string family, string name)
    {
        var folder = Path.Combine(Root, family);
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, name + ".expected.json")))!.AsObject();
        var now = DateTimeOffset.Parse((string?)expected["now"] ?? "2020-11-30T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        var url = (string?)expected["url"] ?? Home;
        var pages = new List<PageObservation>();
        pages.Add(Page(url, File.ReadAllText(Path.Combine(folder, name + ".html")), url == Home ? 0 : 1, now));
        foreach (var (pageUrl, file) in expected["pages"]?.AsObject() ?? [])
        {
            var f = (string)file!;
            pages.Add(f.StartsWith("status:", StringComparison.Ordinal)
                ? Failed(pageUrl, f["status:".Length..], now)
                : Page(pageUrl, File.ReadAllText(Path.Combine(folder, f)), pageUrl == Home ? 0 : 1, now));
        }

        var links = new List<LinkObservation>();
        foreach (var link in expected["links"]?.AsArray() ?? [])
        {
            var target = (string)link!["target"]!;
            links.Add(new LinkObservation((string?)link["page"] ?? url, target, LinkSource.Anchor, null, true,
                Outcome(target, (string?)link["status"] ?? "200")));
        }

        var samples = new List<AvailabilitySample>();
        foreach (var sample in expected["availability"]?.AsArray() ?? [])
        {
            var outcome = Outcome(Home, (string)sample!["status"]!) with { Elapsed = TimeSpan.FromSeconds((double?)sample["seconds"] ?? 1) };
            samples.Add(new AvailabilitySample(now.AddMinutes(-15 * samples.Count), outcome));
        }

        SearchProbe? search = null;
        if (expected["search"] is JsonObject s)
        {
            var query = (string?)s["query"];
            var submitted = query is null ? null : $"{(string?)s["formUrl"] ?? Home + "search"}?q={Uri.EscapeDataString(query)}";
            var results = s["results"] is JsonArray listed ? listed.Select(r => new SearchResultLink((string)r!, null)).ToList() : null;
            search = new SearchProbe(
                (bool?)s["form"] ?? false, (string?)s["formUrl"], Home, query, (string?)s["expectedUrl"],
                query is null ? null : "GET", submitted, query is null ? [] : [new SearchField("q", query)],
                s["status"] is null ? null : Outcome(submitted ?? Home + "search", (string)s["status"]!) with { FinalUrl = (string?)s["finalUrl"] ?? submitted ?? Home + "search" },
                results, (int?)s["resultLinkCount"] ?? results?.Count ?? 0);
        }

        return new FixtureCase
        {
            Family = family,
            Name = name,
            Expected = expected,
            Observation = new SiteObservation(Home, now, pages, links, samples, search, null, null, []),
        };
    }

    public static PageObservation Page(string url, string html, int depth, DateTimeOffset at) =>
        new(url, Outcome(url, "200"), new Dictionary<string, string>(), html, "utf-8", depth, depth == 0 ? null : Home, at);

    private static PageObservation Failed(string url, string status, DateTimeOffset at) =>
        new(url, Outcome(url, status), new Dictionary<string, string>(), null, null, 1, Home, at);

    /// <summary>"200", "404"… an HTTP status; "dns", "reset", "timeout", "loop"; "scanner", "robots", "skipped".</summary>
    public static FetchOutcome Outcome(string url, string status)
    {
        var (kind, http) = status switch
        {
            "dns" => (FetchStatus.Dns, (int?)null),
            "reset" => (FetchStatus.Connection, null),
            "timeout" => (FetchStatus.Timeout, null),
            "loop" => (FetchStatus.RedirectLoop, null),
            "tls" => (FetchStatus.Tls, null),
            "scanner" => (FetchStatus.ScannerError, null),
            "robots" => (FetchStatus.RobotsExcluded, null),
            "skipped" => (FetchStatus.Skipped, null),
            _ => int.Parse(status, System.Globalization.CultureInfo.InvariantCulture) is var code && code < 400 ? (FetchStatus.Ok, code) : (FetchStatus.HttpError, (int?)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)),
        };
        return new FetchOutcome(url, kind, http, url, [], "text/html", null, TimeSpan.FromMilliseconds(100), null, null);
    }

    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true };
}
