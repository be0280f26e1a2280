using BenchmarkDotNet.Attributes;
using GovEval.Core.Frameworks;
using GovEval.Core.Registry;
using GovEval.Core.Scoring;

namespace GovEval.Bench;

/// <summary>Per-sheet cost of the engine and of ranking, for tracking regressions between versions.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private Framework framework = null!;
    private IReadOnlyList<(Unit Unit, ScoringInput Input)> population = null!;
    private IReadOnlyList<ScoreSheet> sheets = null!;

    [GlobalSetup]
    public void Setup()
    {
        framework = FrameworkCatalog.Get("gov-website-check-2019");
        population = SyntheticPopulation.Build(SyntheticPopulation.NationalSites, 2020);
        sheets = population.Select(p => ScoringEngine.Score(framework, p.Input)).ToList();
    }

    [Benchmark]
    public int ScoreNation() => population.Count(p => ScoringEngine.Score(framework, p.Input).Vetoed);

    [Benchmark]
    public int RankNation() => NationalRanking.Rank(NationalRanking.Registry(population.Select(p => p.Unit).ToList()), sheets, framework).Ranked;
}
