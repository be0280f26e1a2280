using System.Globalization;
using GovEval.Checks.Availability;
using GovEval.Checks.Freshness;
using GovEval.Checks.Interaction;
using GovEval.Checks.Links;
using GovEval.Checks.Search;
using GovEval.Checks.Services;
using GovEval.Checks.Tests.Support;
using GovEval.Core.Observations;

namespace GovEval.Checks.Tests;

/// <summary>Every fixture case of the families of this folder set: exactly the expected findings, measurements and not-measured rules.</summary>
public sealed class FixtureTests
{
    private static readonly Dictionary<string, ICheckFamily> Families = new(StringComparer.Ordinal)
    {
        ["availability"] = new HomepageAvailability(),
        ["links"] = new BrokenLinks(),
        ["freshness"] = new UpdateChecks(),
        ["interaction"] = new ConsultationChecks(),
        ["services"] = new GuideElements(),
        ["search"] = new SiteSearch(),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var family in Families.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var c in FixtureCase.All(family))
            {
                data.Add(family, c.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Family_reports_what_the_fixture_expects(string family, string name)
    {
        var fixture = FixtureCase.Load(family, name);
        var result = Families[family].Run(fixture.Observation, new CheckContext(ShippedRules.Options));

        var expected = (fixture.Expected["findings"]?.AsArray() ?? [])
            .Select(f => $"{(string)f!["rule"]!} {UrlNormalizer.Normalize((string)f["url"]!)}")
            .Order(StringComparer.Ordinal).ToList();
        var actual = result.Findings.Select(f => $"{f.Rule} {UrlNormalizer.Normalize(f.Url)}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);

        foreach (var f in fixture.Expected["findings"]?.AsArray() ?? [])
        {
            if ((string?)f!["message"] is { } fragment)
            {
                var finding = result.Findings.First(x => x.Rule == (string)f["rule"]! && UrlNormalizer.Normalize(x.Url) == UrlNormalizer.Normalize((string)f["url"]!));
                Assert.Contains(fragment, finding.Message, StringComparison.Ordinal);
            }
        }

        foreach (var (key, value) in fixture.Expected["measurements"]?.AsObject() ?? [])
        {
            Assert.True(result.Measurements.TryGetValue(key, out var measured), $"measurement {key} missing");
            Assert.Equal(decimal.Parse(value!.ToString(), CultureInfo.InvariantCulture), measured);
        }

        if (fixture.Expected["notMeasured"] is { } notMeasured)
        {
            Assert.Equal(
                notMeasured.AsArray().Select(r => (string)r!).Distinct().Order(StringComparer.Ordinal),
                result.NotMeasured.Select(n => n.Rule).Distinct().Order(StringComparer.Ordinal));
        }
    }
}
