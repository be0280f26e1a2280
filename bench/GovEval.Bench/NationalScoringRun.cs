using System.Diagnostics;
using GovEval.Core.Frameworks;
using GovEval.Core.Scoring;

namespace GovEval.Bench;

/// <summary>
/// Scores the national population with gov-website-check-2019 and ranks every cohort, timing each phase.
/// Usage: dotnet run -c Release --project bench/GovEval.Bench -- scoring [--sites N] [--seed S]
/// </summary>
public static class NationalScoringRun
{
    public static int Run(string[] args)
    {
        var sites = Option(args, "--sites", SyntheticPopulation.NationalSites);
        var seed = Option(args, "--seed", 2020);
        var total = Stopwatch.StartNew();
        var framework = FrameworkCatalog.Get("gov-website-check-2019");
        var population = SyntheticPopulation.Build(sites, seed);
        var built = total.Elapsed;

        // The path 'goveval score' takes: RunScoring over the cohorts' members (parallel across units).
        var registry = NationalRanking.Registry(population.Select(p => p.Unit).ToList());
        var observations = population.ToDictionary(
            p => p.Unit.Code,
            p => new UnitObservationSet(p.Input.Findings, p.Input.Measurements, p.Input.NotMeasured),
            StringComparer.Ordinal);
        var inputs = population.SelectMany(p => p.Input.Inputs).ToList();
        var scoring = Stopwatch.StartNew();
        var sheets = RunScoring.Score(framework, registry, NationalRanking.RankedCohorts(registry), observations, inputs);
        scoring.Stop();

        var ranking = Stopwatch.StartNew();
        var ranked = NationalRanking.Rank(registry, sheets, framework);
        ranking.Stop();

        Console.WriteLine($"sites                 {sites} ({sheets.Count} in ranked cohorts), {Environment.ProcessorCount} cores");
        Console.WriteLine($"population built      {built.TotalMilliseconds,8:F0} ms (not part of the figure)");
        Console.WriteLine($"scoring               {scoring.Elapsed.TotalMilliseconds,8:F0} ms");
        Console.WriteLine($"ranking               {ranking.Elapsed.TotalMilliseconds,8:F0} ms   ({ranked.Cohorts} ranked cohorts, {ranked.Ranked} units ranked)");
        Console.WriteLine($"scoring + ranking     {(scoring.Elapsed + ranking.Elapsed).TotalMilliseconds,8:F0} ms   (target: under 5000 ms)");
        Console.WriteLine($"passed (合格)          {sheets.Count(s => s.Grade == "合格")}, vetoed {sheets.Count(s => s.Vetoed)}");
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
