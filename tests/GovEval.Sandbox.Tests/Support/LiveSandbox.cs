using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Server;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Tests.Support;

/// <summary>
/// A listening sandbox (200 sites, delays scaled to 2%, a hand-set clock) shared by the HTTP tests, and clients
/// that reach any of its hosts the way curl --connect-to does.
/// </summary>
public sealed class LiveSandbox : IAsyncLifetime
{
    public const double Scale = 0.02;

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero));

    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = Sandboxes.Create(9, 200, Scale, Clock);
        await Server.StartAsync();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Sites with a property, skipping rate-limited ones (a frozen clock makes every request the same second).</summary>
    public IEnumerable<SiteModel> Sites(Func<SiteModel, bool> where) =>
        Server.Population.Sites.Select(Server.Site).Where(s => !s.Faults.HasFlag(FaultKind.RateLimit) && where(s));

    /// <summary>Certificate verdicts seen by clients of <see cref="Client"/>: host → chain valid for that host.</summary>
    public Dictionary<string, bool> CertificateVerdicts { get; } = [];

    public HttpClient Client(bool ipv6 = false, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.Zero,
            ConnectCallback = async (context, cancel) =>
            {
                var tls = context.DnsEndPoint.Port == 443;
                var port = (ipv6, tls) switch
                {
                    (false, false) => Server.HttpPort,
                    (false, true) => Server.TlsPort,
                    (true, false) => Server.Ipv6HttpPort,
                    _ => Server.Ipv6TlsPort,
                };
                var socket = new Socket(ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, port), cancel);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (sender, certificate, _, errors) =>
                {
                    var host = sender is SslStream ssl ? ssl.TargetHostName : "";
                    lock (CertificateVerdicts)
                    {
                        CertificateVerdicts[host] = certificate is X509Certificate2 c && Valid(c, host, errors);
                    }

                    return true;
                },
            },
        };
        return new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    private bool Valid(X509Certificate2 certificate, string host, SslPolicyErrors errors)
    {
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(Server.CertificateAuthorityPem));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = DateTime.Now;
        return chain.Build(certificate) && certificate.MatchesHostname(host);
    }
}

[CollectionDefinition(Name)]
public sealed class LiveSandboxCollection : ICollectionFixture<LiveSandbox>
{
    public const string Name = "live sandbox";
}
