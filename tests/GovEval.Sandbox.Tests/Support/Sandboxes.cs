using GovEval.Sandbox.Server;

namespace GovEval.Sandbox.Tests.Support;

/// <summary>Shared populations (not listening): building one is cheap, but tests reuse them to stay fast.</summary>
public static class Sandboxes
{
    public static readonly DateTimeOffset Now = new(2020, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly Lazy<SandboxServer> HundredLazy = new(() => new SandboxServer(new SandboxOptions { Seed = 7, Sites = 100, Now = Now }));

    /// <summary>100 sites, seed 7, today 2020-11-30.</summary>
    public static SandboxServer Hundred => HundredLazy.Value;

    public static SandboxServer Create(long seed, int sites, double delayScale = 1.0, TimeProvider? clock = null) => new(new SandboxOptions
    {
        Seed = seed,
        Sites = sites,
        Now = Now,
        DelayScale = delayScale,
        Clock = clock ?? TimeProvider.System,
        LargePageBytes = 2 * 1024 * 1024,
        GzipBombBytes = 64L * 1024 * 1024,
    });
}
