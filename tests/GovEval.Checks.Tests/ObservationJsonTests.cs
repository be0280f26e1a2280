using System.Text.Json;
using GovEval.Checks.Tests.Support;
using GovEval.Core.Observations;

namespace GovEval.Checks.Tests;

/// <summary>
/// Observations are plain records (strings, numbers, enums, lists, dictionaries) so they can be stored and checked
/// again: every fixture site goes through JSON and back and the checks find exactly what they found before.
/// </summary>
public sealed class ObservationJsonTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var family in new[] { "availability", "freshness", "interaction", "links", "search", "services" })
        {
            foreach (var fixture in FixtureCase.All(family))
            {
                data.Add(family, fixture.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_site_reloaded_from_json_is_checked_alike(string family, string name)
    {
        var observation = FixtureCase.Load(family, name).Observation;
        var json = JsonSerializer.Serialize(observation);
        var reloaded = JsonSerializer.Deserialize<SiteObservation>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(reloaded));

        var before = SiteChecks.Run(observation, ShippedRules.Options);
        var after = SiteChecks.Run(reloaded, ShippedRules.Options);
        Assert.Equal(before.Findings, after.Findings);
        Assert.Equal(before.Measurements.OrderBy(m => m.Key, StringComparer.Ordinal), after.Measurements.OrderBy(m => m.Key, StringComparer.Ordinal));
        Assert.Equal(before.NotMeasured, after.NotMeasured);
    }
}
