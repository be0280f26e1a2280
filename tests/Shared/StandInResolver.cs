using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using GovEval.Collect.Fetching;

namespace GovEval.TestSupport;

/// <summary>
/// A resolver standing in for the operating system's: it answers the names it was given and fails every other
/// lookup with one socket error, exactly as <see cref="Dns"/> reports a resolver's answer (TryAgain when our DNS
/// cannot be reached, HostNotFound for NXDOMAIN). It records every name asked, so a test can prove that real DNS
/// would never have been asked. Shared by the test projects, linked into each.
/// </summary>
internal sealed class StandInResolver(SocketError failure, IReadOnlyDictionary<string, IPAddress[]>? answers = null) : HostResolver
{
    private readonly ConcurrentQueue<(string Host, AddressFamily Family)> asked = new();

    /// <summary>Every lookup, in order: the name and the address family asked for.</summary>
    public IReadOnlyCollection<(string Host, AddressFamily Family)> Asked => asked;

    public override Task<IPAddress[]> ResolveAsync(string host, AddressFamily family, CancellationToken cancel)
    {
        asked.Enqueue((host, family));
        if (answers is not null && answers.TryGetValue(host, out var addresses))
        {
            return Task.FromResult(addresses.Where(a => family == AddressFamily.Unspecified || a.AddressFamily == family).ToArray());
        }

        return Task.FromException<IPAddress[]>(new SocketException((int)failure));
    }
}
