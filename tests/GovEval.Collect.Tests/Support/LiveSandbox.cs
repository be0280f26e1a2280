using GovEval.Collect.Fetching;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;

namespace GovEval.Collect.Tests.Support;

/// <summary>
/// One listening sandbox shared by the collection tests: 80 sites, delays at 5% (a 60 s hold is 3 s, a 4 s slow
/// answer 0.2 s), small large-page and bomb sizes, the real clock (rate limits count real seconds).
/// </summary>
public sealed class LiveSandbox : IAsyncLifetime
{
    public const double Scale = 0.05;

    public static readonly DateTimeOffset Now = new(2020, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    public SandboxServer Server { get; private set; } = null!;

    public ConnectToRules Routes { get; private set; } = ConnectToRules.Empty;

    public async Task InitializeAsync()
    {
        Server = new SandboxServer(new SandboxOptions
        {
            Seed = 9,
            Sites = 80,
            Now = Now,
            DelayScale = Scale,
            LargePageBytes = 4 * 1024 * 1024,
            GzipBombBytes = 64L * 1024 * 1024,
        });
        await Server.StartAsync();
        Routes = ConnectToRules.Parse(Server.Routes());
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Fetch options for this sandbox: its routes and CA, a 2 s timeout (a loaded two-core machine can take
    /// over 1.5 s for a first page; a timed-out link holds 3 s), quick retries, no politeness.</summary>
    public FetchOptions Options(Func<FetchOptions, FetchOptions>? change = null)
    {
        var options = new FetchOptions
        {
            ConnectTo = Routes,
            ExtraRootsPem = [Server.CertificateAuthorityPem],
            Timeout = TimeSpan.FromSeconds(2),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryAfter = TimeSpan.FromSeconds(1),
            Politeness = false,
            MaxBodyBytes = 1024 * 1024,
            MaxInflatedBytes = 2 * 1024 * 1024,
        };
        return change is null ? options : change(options);
    }

    public Fetcher Fetcher(Func<FetchOptions, FetchOptions>? change = null) => new(Options(change));

    /// <summary>Sites with a property, skipping rate-limited ones unless asked (they answer 429 to fast clients).</summary>
    public IEnumerable<SiteModel> Sites(Func<SiteModel, bool> where, bool rateLimited = false) =>
        Server.Population.Sites.Select(Server.Site).Where(s => (rateLimited || !s.Faults.HasFlag(FaultKind.RateLimit)) && where(s));

    public SiteModel With(FaultKind fault, Func<SiteModel, bool>? also = null) =>
        Sites(s => s.Faults.HasFlag(fault) && (also?.Invoke(s) ?? true), fault == FaultKind.RateLimit).First();
}

[CollectionDefinition(Name)]
public sealed class LiveSandboxCollection : ICollectionFixture<LiveSandbox>
{
    public const string Name = "live sandbox";
}
