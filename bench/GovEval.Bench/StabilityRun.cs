using System.Diagnostics;
using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Core.Results;
using GovEval.Core.Results.Stability;
using GovEval.Core.Scoring;

namespace GovEval.Bench;

/// <summary>
/// Times the rank-stability analysis a release runs: the 2,844 counties of the 2020 registry alone, then every ranked
/// cohort of the synthetic national population, scored with gov-website-check-2019 and its release.stability
/// (1,000 samples, ±25 %). Each figure is the best of three runs, after one warm-up.
/// Usage: dotnet run -c Release --project bench/GovEval.Bench -- stability [--sites N] [--seed S]
/// </summary>
public static class StabilityRun
{
    public static int Run(string[] args)
    {
        var sites = Option(args, "--sites", SyntheticPopulation.NationalSites);
        var seed = Option(args, "--seed", 2020);
        var framework = FrameworkCatalog.Get("gov-website-check-2019");
        var population = SyntheticPopulation.Build(sites, seed);
        var registry = NationalRanking.Registry(population.Select(p => p.Unit).ToList());
        var cohorts = NationalRanking.RankedCohorts(registry);
        var observations = population.ToDictionary(
            p => p.Unit.Code,
            p => new UnitObservationSet(p.Input.Findings, p.Input.Measurements, p.Input.NotMeasured),
            StringComparer.Ordinal);
        var sheets = RunScoring.Score(framework, registry, cohorts, observations, population.SelectMany(p => p.Input.Inputs).ToList());
        var release = new ReleaseBuilder(framework, registry, cohorts).FromSheets(sheets, null, new ReleaseOptions(2020, "bench"));
        var county = release.Cohorts.Where(c => c.Cohort.Id == "county").ToList();
        var bySheet = release.Sheets;

        var (countyTime, countyResult) = Best(() => RankStability.Compute(framework, county, bySheet));
        var (allTime, allResult) = Best(() => RankStability.Compute(framework, release.Cohorts, bySheet));
        var settings = framework.Stability!;
        var countyUnits = countyResult.Cohorts["county"].Count;
        var allUnits = allResult.Cohorts.Values.Sum(c => c.Count);
        var moved = countyResult.Cohorts["county"].Values.Count(u => u.RankLow != u.RankHigh);
        Console.WriteLine($"samples               {settings.Samples} (±{settings.Spread:P0}), {Environment.ProcessorCount} cores");
        Console.WriteLine($"counties              {countyTime.Wall.TotalMilliseconds,8:F0} ms wall, {countyTime.Cpu.TotalMilliseconds,6:F0} ms CPU   ({countyUnits} ranked counties, {moved} with a rank interval wider than one rank)");
        Console.WriteLine($"every ranked cohort   {allTime.Wall.TotalMilliseconds,8:F0} ms wall, {allTime.Cpu.TotalMilliseconds,6:F0} ms CPU   ({allResult.Cohorts.Count} cohorts, {allUnits} unit results)");
        Console.WriteLine($"withheld              {allResult.Withheld ?? "no"}");
        return 0;
    }

    /// <summary>Wall time and processor time (all threads) of the fastest of three runs after a warm-up.</summary>
    private static ((TimeSpan Wall, TimeSpan Cpu) Best, StabilityResults Result) Best(Func<StabilityResults> run)
    {
        var result = run();
        var best = (Wall: TimeSpan.MaxValue, Cpu: TimeSpan.MaxValue);
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < 3; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = run();
            watch.Stop();
            process.Refresh();
            if (watch.Elapsed < best.Wall)
            {
                best = (watch.Elapsed, process.TotalProcessorTime - cpu);
            }
        }

        return (best, result);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
