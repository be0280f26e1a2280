using System.Net.Sockets;
using GovEval.Core.Observations;

namespace GovEval.Collect.Fetching;

/// <summary>
/// Whose fault a socket error is, for name lookups (getaddrinfo, as .NET maps its EAI_ codes) and connections.
/// Only an answer about the site counts against it; an error that says our resolver, our network or our machine
/// could not do its part is the scanner's, so the rule it stood for is "not measured", never a deduction or a veto.
/// <list type="table">
/// <item><term>HostNotFound (EAI_NONAME), NoData (EAI_NODATA)</term><description>Site: DNS answered that the
/// name does not exist (NXDOMAIN) or has no address of the family asked (no AAAA record).</description></item>
/// <item><term>TryAgain (EAI_AGAIN)</term><description>Scanner: our resolver gave no answer — unreachable, timed
/// out, or none configured (glibc then asks 127.0.0.1, which refuses). A SERVFAIL from a site's broken name
/// servers also ends here; from this side the two cannot be told apart, and we never blame a site for our
/// blindness.</description></item>
/// <item><term>NoRecovery (EAI_FAIL), SocketError (EAI_SYSTEM and codes .NET does not map), InvalidArgument
/// (EAI_BADFLAGS), AddressFamilyNotSupported (EAI_FAMILY)</term><description>Scanner: the resolver refused or
/// failed, or we asked it wrongly.</description></item>
/// <item><term>ConnectionRefused, ConnectionReset, ConnectionAborted, TimedOut, HostUnreachable, HostDown,
/// Shutdown and the rest</term><description>Site: its host or the network in front of it would not take or keep
/// the connection.</description></item>
/// <item><term>NetworkUnreachable, NetworkDown, NetworkReset, AddressNotAvailable, NoBufferSpaceAvailable,
/// TooManyOpenSockets, AccessDenied, ProtocolFamilyNotSupported, SystemNotReady</term><description>Scanner: no
/// route out of our machine (e.g. an IPv6 address on a host without IPv6), our own firewall, or our resources
/// exhausted.</description></item>
/// </list>
/// </summary>
public static class SocketFaults
{
    /// <summary>What a failed name lookup says: <see cref="FetchStatus.Dns"/> for the site's name, <see cref="FetchStatus.ScannerError"/> for ours.</summary>
    public static FetchStatus OfLookup(SocketError error) =>
        error is SocketError.HostNotFound or SocketError.NoData ? FetchStatus.Dns : FetchStatus.ScannerError;

    /// <summary>What a failed connection says: <see cref="FetchStatus.Connection"/> for the site's end, <see cref="FetchStatus.ScannerError"/> for ours.</summary>
    public static FetchStatus OfConnection(SocketError error) => error switch
    {
        // Codes only a resolver produces, should one reach us without passing through HostResolver.
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain or SocketError.NoRecovery => OfLookup(error),
        SocketError.NetworkUnreachable or SocketError.NetworkDown or SocketError.NetworkReset or SocketError.AddressNotAvailable
            or SocketError.NoBufferSpaceAvailable or SocketError.TooManyOpenSockets or SocketError.AccessDenied
            or SocketError.AddressFamilyNotSupported or SocketError.ProtocolFamilyNotSupported or SocketError.SystemNotReady
            or SocketError.NotInitialized or SocketError.InvalidArgument => FetchStatus.ScannerError,
        _ => FetchStatus.Connection,
    };
}

/// <summary>
/// A name lookup failed: kept apart from connection errors because the same socket error means something else
/// there (see <see cref="SocketFaults"/>). The message names the host and, for our resolver's failures, says so.
/// </summary>
public sealed class ResolverFailureException(string host, SocketException inner)
    : Exception(Describe(host, inner), inner)
{
    public string Host { get; } = host;

    public SocketError Error { get; } = inner.SocketErrorCode;

    /// <summary>What the failure means for the site: <see cref="FetchStatus.Dns"/> or <see cref="FetchStatus.ScannerError"/>.</summary>
    public FetchStatus Status => SocketFaults.OfLookup(Error);

    private static string Describe(string host, SocketException inner) =>
        SocketFaults.OfLookup(inner.SocketErrorCode) == FetchStatus.Dns
            ? $"name not resolved: {host} ({inner.SocketErrorCode}: {inner.Message})"
            : $"the scanner's DNS resolver could not answer for {host} ({inner.SocketErrorCode}: {inner.Message}); not a fault of the site";
}
