using GovEval.Core.Frameworks;
using GovEval.Core.Observations;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Scoring;
using GovEval.Publish;
using GovEval.Store.Imports;
using GovEval.Tests.Results;
using GovEval.Tests.Scoring;

namespace GovEval.Tests.Publish;

/// <summary>
/// Releases for bundle tests, each from a shipped framework and the shipped 2020 registry, built the way the command
/// line builds them: the capability round scored by the engine from the demo's inputs (2019 for movements), the
/// website performance round from the seed's totals, and the national check scored from findings.
/// </summary>
internal static class SampleBundles
{
    public static readonly UnitRegistry Registry = UnitRegistry.ForYear(2020);

    private static readonly string[] WebsiteCohorts =
        ["ministry-constituent", "ministry-other", "municipality", "province", "sub-provincial-city", "provincial-capital", "prefecture-city", "county"];

    private static readonly Lazy<Release> CapabilityRelease = new(() =>
    {
        string[] cohorts = ["provincial", "key-city"];
        return new ReleaseBuilder(FrameworkCatalog.Get("digital-gov-capability-2020"), Registry, cohorts.Select(Registry.Cohort))
            .FromSheets(ScoreDemo("capability-2020-inputs.csv", cohorts), ScoreDemo("capability-2019-inputs.csv", cohorts), new ReleaseOptions(2020, "capability-2020"));
    });

    private static readonly Lazy<Release> WebsiteRelease = new(() =>
        new ReleaseBuilder(FrameworkCatalog.Get("gov-website-performance-2020"), Registry, WebsiteCohorts.Select(Registry.Cohort))
            .FromTotals(Fixtures.Seed("website-2020-totals.csv"), null, new ReleaseOptions(2020, "website-2020-totals.csv")));

    /// <summary>The 2020 capability round: grade lists, 2019→2020 movements, statistics, innovation cases; score sheets.</summary>
    public static Release Capability => CapabilityRelease.Value;

    /// <summary>The seed's eight website cohorts, ranked from totals (no score sheets).</summary>
    public static Release Website => WebsiteRelease.Value;

    /// <summary>
    /// The national check of the four municipalities (a cohort the website round publishes too): 天津 and 重庆 hit a
    /// veto, 北京 and 上海 are clean.
    /// </summary>
    public static Release Check()
    {
        var framework = FrameworkCatalog.Get("gov-website-check-2019");
        var cohort = Registry.Cohort("municipality");
        var vetoes = new Dictionary<string, string> { ["120000"] = "veto.unreachable", ["500000"] = "veto.homepage-stale" };
        var sheets = Registry.Members(cohort)
            .Select(u => ScoringEngine.Score(framework, (vetoes.TryGetValue(u.Code, out var rule) ? ScoringInputs.Site().With(rule, "http://www.example.gov.cn/") : ScoringInputs.Site()).Build() with { UnitCode = u.Code }))
            .ToList();
        return new ReleaseBuilder(framework, Registry, [cohort]).FromSheets(sheets, null, new ReleaseOptions(2020, "check-2020"));
    }

    public static IReadOnlyList<BundlePart> Parts() =>
        [new("capability-2020", Capability), new("website-2020", Website), new("check-2020", Check())];

    /// <summary>
    /// A release of the capability framework whose sheets come from expert inputs alone: each (code, points,
    /// evidence) is the unit's innovation.cases entry, beside one value in each base dimension (what a verdict
    /// needs: an innovation award alone grades nobody).
    /// </summary>
    public static Release Innovation(UnitRegistry registry, string cohortId, IEnumerable<(string Code, decimal Points, string Evidence)> cases)
    {
        var framework = FrameworkCatalog.Get("digital-gov-capability-2020");
        var cohort = registry.Cohort(cohortId);
        (string Indicator, string Value)[] dimensions = [("integration.search", "是"), ("provision.app", "良好"), ("data.agency", "是"), ("satisfaction.rating", "已建立")];
        var inputs = cases.SelectMany((c, i) => dimensions.Select(d => new ExpertInput(c.Code, d.Indicator, d.Value, null, "专家组A", $"base.csv:{i + 2}"))
                .Append(new ExpertInput(c.Code, "innovation.cases", c.Points.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Evidence, "专家组A", $"cases.csv:{i + 2}")))
            .ToList();
        var sheets = RunScoring.Score(framework, registry, [cohort], new Dictionary<string, UnitObservationSet>(), inputs);
        return new ReleaseBuilder(framework, registry, [cohort]).FromSheets(sheets, null, new ReleaseOptions(2020, "cases"));
    }

    public static string Demo(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovEval.slnx")))
            {
                return Path.Combine(dir.FullName, "data", "demo", name);
            }
        }

        throw new InvalidOperationException("GovEval.slnx not found above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyList<ScoreSheet> ScoreDemo(string file, string[] cohorts) =>
        RunScoring.Score(
            FrameworkCatalog.Get("digital-gov-capability-2020"),
            Registry,
            cohorts.Select(Registry.Cohort).ToList(),
            new Dictionary<string, UnitObservationSet>(),
            InputsImportReader.Read(Demo(file), Registry, cohorts));
}
