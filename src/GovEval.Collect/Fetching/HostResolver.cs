using System.Net;
using System.Net.Sockets;

namespace GovEval.Collect.Fetching;

/// <summary>
/// Where host names become addresses: the operating system's resolver (getaddrinfo) unless the caller gives
/// another. The fetcher's connections and the IPv6 probe's AAAA lookups ask only this, so a test can put in a
/// resolver that fails the way a broken one does (a <see cref="SocketException"/> with
/// <see cref="SocketError.TryAgain"/>) while the classification of that failure stays the real one, and no test
/// ever asks real DNS.
/// </summary>
public abstract class HostResolver
{
    /// <summary>The operating system's resolver, as <see cref="Dns.GetHostAddressesAsync(string, AddressFamily, CancellationToken)"/>.</summary>
    public static HostResolver System { get; } = new OperatingSystemResolver();

    /// <summary>
    /// The addresses of <paramref name="host"/> in <paramref name="family"/> (<see cref="AddressFamily.Unspecified"/>:
    /// any). A failure throws what <see cref="Dns"/> throws, a <see cref="SocketException"/> whose error code says
    /// what the resolver answered.
    /// </summary>
    public abstract Task<IPAddress[]> ResolveAsync(string host, AddressFamily family, CancellationToken cancel);

    private sealed class OperatingSystemResolver : HostResolver
    {
        public override Task<IPAddress[]> ResolveAsync(string host, AddressFamily family, CancellationToken cancel) =>
            Dns.GetHostAddressesAsync(host, family, cancel);
    }
}
