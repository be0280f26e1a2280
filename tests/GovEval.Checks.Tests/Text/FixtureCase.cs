using System.Text.Json;
using GovEval.Checks;
using GovEval.Core.Observations;

namespace GovEval.Checks.Tests.Text;

/// <summary>
/// One HTML fixture of fixtures/&lt;family&gt;/ with its &lt;case&gt;.expected.json: the page's address and response
/// headers, optional sibling pages, and the findings the family must return (rule, url, words the message must
/// and must not hold). Findings of rules the family does not own are ignored; any other finding fails the case.
/// </summary>
public sealed class FixtureCase
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public required string Name { get; init; }

    public required SiteObservation Observation { get; init; }

    public required IReadOnlyList<ExpectedFinding> Expected { get; init; }

    public static string Directory(string family) => Path.Combine(AppContext.BaseDirectory, "fixtures", family);

    /// <summary>Case names of a family's fixture folder, for [MemberData].</summary>
    public static TheoryData<string> Names(string family)
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory(family), "*.expected.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".expected.json".Length]);
        }

        return data;
    }

    public static FixtureCase Load(string family, string name)
    {
        var folder = Directory(family);
        var spec = JsonSerializer.Deserialize<Spec>(File.ReadAllText(Path.Combine(folder, name + ".expected.json")), Json)
            ?? throw new InvalidDataException($"{name}.expected.json is empty");
        var url = spec.Url ?? "http://www.example.gov.cn/";
        var homepage = spec.Homepage ?? new Uri(new Uri(url), "/").ToString();
        var now = spec.Now is null ? new DateTimeOffset(2020, 11, 30, 12, 0, 0, TimeSpan.FromHours(8)) : DateTimeOffset.Parse(spec.Now, System.Globalization.CultureInfo.InvariantCulture);
        var pages = new List<PageObservation> { Page(url, File.ReadAllText(Path.Combine(folder, name + ".html")), spec.Headers, now, url == homepage ? 0 : 1) };
        foreach (var sibling in spec.Siblings ?? [])
        {
            pages.Add(Page(sibling.Url, File.ReadAllText(Path.Combine(folder, sibling.File)), null, now, 1));
        }

        return new FixtureCase
        {
            Name = name,
            Observation = new SiteObservation(homepage, now, pages, [], [], null, null, null, []),
            Expected = spec.Findings ?? [],
        };
    }

    public static PageObservation Page(string url, string html, IReadOnlyDictionary<string, string>? headers, DateTimeOffset now, int depth) => new(
        url,
        new FetchOutcome(url, FetchStatus.Ok, 200, url, [], "text/html; charset=utf-8", html.Length, TimeSpan.FromMilliseconds(20), null, null),
        headers ?? new Dictionary<string, string>(),
        html,
        "utf-8",
        depth,
        null,
        now);

    /// <summary>Runs the family and compares by (rule, normalised url); messages by the words they must hold.</summary>
    public void Verify(ICheckFamily family)
    {
        var result = family.Run(Observation, new CheckContext(ShippedRules.Options));
        var actual = result.Findings.Where(f => family.Rules.Contains(f.Rule)).ToList();
        var expectedKeys = Expected.Select(e => $"{e.Rule} {UrlNormalizer.Normalize(e.Url)}").Order().ToList();
        var actualKeys = actual.Select(f => $"{f.Rule} {UrlNormalizer.Normalize(f.Url)}").Order().ToList();
        Assert.True(expectedKeys.SequenceEqual(actualKeys),
            $"{Name}: expected [{string.Join(", ", expectedKeys)}] but found [{string.Join(", ", actual.Select(f => $"{f.Rule} {f.Url}: {f.Message}"))}]");
        foreach (var expected in Expected)
        {
            var finding = actual.First(f => f.Rule == expected.Rule && UrlNormalizer.Normalize(f.Url) == UrlNormalizer.Normalize(expected.Url));
            if (expected.Page is not null)
            {
                Assert.Equal(UrlNormalizer.Normalize(expected.Page), UrlNormalizer.Normalize(finding.Page ?? ""));
            }

            foreach (var word in expected.Contains ?? [])
            {
                Assert.True(finding.Message.Contains(word, StringComparison.Ordinal), $"{Name}: message \"{finding.Message}\" lacks \"{word}\"");
            }

            foreach (var word in expected.Excludes ?? [])
            {
                Assert.False(finding.Message.Contains(word, StringComparison.Ordinal), $"{Name}: message \"{finding.Message}\" must not hold \"{word}\"");
            }
        }
    }

    public sealed record ExpectedFinding(string Rule, string Url, string? Page, IReadOnlyList<string>? Contains, IReadOnlyList<string>? Excludes);

    public sealed record Sibling(string File, string Url);

    private sealed record Spec(string? Url, string? Homepage, string? Now, Dictionary<string, string>? Headers, IReadOnlyList<Sibling>? Siblings, IReadOnlyList<ExpectedFinding>? Findings);
}
