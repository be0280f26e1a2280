using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using GovEval.Core.Registry;
using GovEval.Sandbox.Faults;
using GovEval.Sandbox.Population;
using GovEval.Sandbox.Sites;
using GovEval.Sandbox.Truth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace GovEval.Sandbox.Server;

/// <summary>
/// The simulated government web in one process: Kestrel on 127.0.0.1 (and [::1]), one HTTP and one HTTPS port,
/// every site a virtual host. Usable from the command line (<c>goveval sandbox serve</c>) and in-process from tests.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly SiteCache cache;
    private readonly SiteRouter router;
    private readonly CertificateAuthority authority;
    private readonly RateLimiter rateLimiter;
    private WebApplication? app;

    public SandboxServer(SandboxOptions options)
    {
        Options = options;
        Registry = UnitRegistry.ForYear(options.RegistryYear);
        Population = options.PortalUnits is { } units
            ? SitePopulation.Portals(Registry, options.Seed, units)
            : SitePopulation.Draw(Registry, options.Seed, options.Sites);
        Today = DateOnly.FromDateTime(options.Now.DateTime);
        cache = new SiteCache(Population, Today);
        router = new SiteRouter(options, new AttemptCounter());
        rateLimiter = new RateLimiter(options.Clock, options.RateLimitPerSecond);
        authority = new CertificateAuthority();
    }

    public SandboxOptions Options { get; }

    public UnitRegistry Registry { get; }

    public SitePopulation Population { get; }

    public DateOnly Today { get; }

    public int HttpPort { get; private set; }

    public int TlsPort { get; private set; }

    /// <summary>Ports on [::1], or 0 when IPv6 is off or unavailable.</summary>
    public int Ipv6HttpPort { get; private set; }

    public int Ipv6TlsPort { get; private set; }

    /// <summary>The root certificate every valid site certificate chains to (PEM), for clients to trust.</summary>
    public string CertificateAuthorityPem => authority.CertificatePem;

    public long DisallowedRequests => router.DisallowedRequests;

    /// <inheritdoc cref="SiteRouter.HomepageAnswers"/>
    public long HomepageAnswers => router.HomepageAnswers;

    public SiteModel Site(SiteEntry entry) => cache.Get(entry);

    public SiteModel? Site(string host) => Population.Find(host) is { } entry ? cache.Get(entry) : null;

    /// <summary>
    /// Answers a request without a socket (what the server would send), for tests and in-process callers.
    /// Delays and drops are described in the response, not carried out.
    /// </summary>
    public SandboxResponse Answer(string host, SandboxRequest request) =>
        Site(host) is { } site
            ? router.Route(site, request, Options.Clock.GetUtcNow())
            : SandboxResponse.Text(421, $"GovEval sandbox: no site '{host}' here\n");

    /// <summary>The ground truth of every site, derived from the same models that serve the pages.</summary>
    public SandboxTruth Truth() => TruthBuilder.Build(this);

    /// <summary>The ground truth judged with these rule numbers (a framework's checks block, e.g. a province's variant).</summary>
    public SandboxTruth Truth(Core.Frameworks.CheckParameters rules) => TruthBuilder.Build(this, rules);

    /// <summary>curl --connect-to rules for every host: HOST:80:127.0.0.1:P and HOST:443:127.0.0.1:Q (DESIGN.md).</summary>
    public IEnumerable<string> Routes()
    {
        foreach (var entry in Population.Sites)
        {
            yield return $"{entry.Host}:80:127.0.0.1:{HttpPort}";
            yield return $"{entry.Host}:443:127.0.0.1:{TlsPort}";
        }
    }

    /// <summary>
    /// The IPv6 counterpart, kept apart so the main routes stay one rule per host and port: HOST:80:[::1]:P6 and
    /// HOST:443:[::1]:Q6 for hosts that have an IPv6 address (an AAAA record). Hosts without one are absent;
    /// hosts whose address does not answer are listed, and the [::1] listener drops them.
    /// </summary>
    public IEnumerable<string> Ipv6Routes()
    {
        if (Ipv6HttpPort == 0)
        {
            yield break;
        }

        foreach (var entry in Population.Sites.Where(e => Site(e).Ipv6 != Ipv6Mode.NoAddress))
        {
            yield return $"{entry.Host}:80:[::1]:{Ipv6HttpPort}";
            yield return $"{entry.Host}:443:[::1]:{Ipv6TlsPort}";
        }
    }

    public async Task StartAsync(CancellationToken cancel = default)
    {
        var ipv6 = Options.Ipv6 && Socket.OSSupportsIPv6 && CanBind(IPAddress.IPv6Loopback);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, Options.HttpPort);
            kestrel.Listen(IPAddress.Loopback, Options.TlsPort, listen => listen.UseHttps(Tls()));
            if (ipv6)
            {
                kestrel.Listen(IPAddress.IPv6Loopback, 0);
                kestrel.Listen(IPAddress.IPv6Loopback, 0, listen => listen.UseHttps(Tls()));
            }
        });
        app = builder.Build();
        app.Run(HandleAsync);
        try
        {
            await app.StartAsync(cancel);
        }
        catch (IOException e) when (Options.HttpPort != 0 || Options.TlsPort != 0)
        {
            await app.DisposeAsync();
            app = null;
            throw new Core.Errors.InputException(Options.HttpPort != 0 ? "--port" : "--tls-port", $"cannot listen: {e.Message} (choose another port, or 0 for a free one)");
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        foreach (var address in addresses)
        {
            var v6 = address.HostNameType == UriHostNameType.IPv6;
            var tls = address.Scheme == "https";
            switch (v6, tls)
            {
                case (false, false): HttpPort = address.Port; break;
                case (false, true): TlsPort = address.Port; break;
                case (true, false): Ipv6HttpPort = address.Port; break;
                default: Ipv6TlsPort = address.Port; break;
            }
        }
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        authority.Dispose();
    }

    private TlsHandshakeCallbackOptions Tls() => new()
    {
        OnConnection = context =>
        {
            var host = context.ClientHelloInfo.ServerName;
            var v6 = context.Connection.LocalEndPoint is IPEndPoint { AddressFamily: AddressFamily.InterNetworkV6 };
            var site = string.IsNullOrEmpty(host) ? null : Site(host);
            if (site is not null && (site.Https == HttpsMode.NoTls || (v6 && site.Ipv6 != Ipv6Mode.Answers)))
            {
                // No HTTPS on this host (or no IPv6 service): the handshake fails as against a closed service.
                throw new AuthenticationException($"{host} serves no HTTPS");
            }

            var certificate = authority.For(string.IsNullOrEmpty(host) ? "unknown.invalid" : host, site?.Https ?? HttpsMode.Good);
            return ValueTask.FromResult(new SslServerAuthenticationOptions { ServerCertificateContext = certificate });
        },
    };

    private async Task HandleAsync(HttpContext context)
    {
        var host = context.Request.Host.Host;
        var entry = Population.Find(host);
        if (entry is null)
        {
            context.Response.StatusCode = 421;
            await context.Response.WriteAsync($"GovEval sandbox: no site '{host}' here\n");
            return;
        }

        var site = cache.Get(entry);
        if (site.Faults.HasFlag(Quality.FaultKind.RateLimit) && !rateLimiter.Allow(site.Host))
        {
            // Rate limits are about traffic, so they apply to what arrives over the network, not to Answer().
            await ResponseWriter.WriteAsync(context, SandboxResponse.Text(429, "Too Many Requests\n").With("Retry-After", "1"), headRequest: false);
            return;
        }

        if (context.Connection.LocalIpAddress?.AddressFamily == AddressFamily.InterNetworkV6 && site.Ipv6 != Ipv6Mode.Answers)
        {
            context.Abort();
            return;
        }

        string? form = null;
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            var fields = await context.Request.ReadFormAsync(context.RequestAborted);
            form = fields.TryGetValue("q", out var q) ? q.ToString() : string.Join("|", fields.Select(f => f.Key + "=" + f.Value));
        }

        var method = HttpMethods.IsHead(context.Request.Method) ? "GET" : context.Request.Method.ToUpperInvariant();
        var request = new SandboxRequest(method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "", context.Request.IsHttps, form);
        var response = router.Route(site, request, Options.Clock.GetUtcNow());
        await ResponseWriter.WriteAsync(context, response, HttpMethods.IsHead(context.Request.Method));
    }

    private static bool CanBind(IPAddress address)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, 0));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
