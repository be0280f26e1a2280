using BenchmarkDotNet.Running;
using GovEval.Bench;

// 'dotnet run -c Release -- scoring' times the whole national population once, end to end (the figure issue 2
// asks for); any other arguments go to BenchmarkDotNet for repeated, statistically summarised measurements.
if (args is ["scoring", ..])
{
    return NationalScoringRun.Run(args.Skip(1).ToArray());
}

// 'dotnet run -c Release -- stability' times the rank-stability analysis of 2,844 counties and of the whole population.
if (args is ["stability", ..])
{
    return StabilityRun.Run(args.Skip(1).ToArray());
}

BenchmarkSwitcher.FromAssembly(typeof(NationalScoringRun).Assembly).Run(args);
return 0;
