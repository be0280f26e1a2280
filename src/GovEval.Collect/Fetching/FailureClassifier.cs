using System.Net.Sockets;
using System.Security.Authentication;
using GovEval.Core.Observations;

namespace GovEval.Collect.Fetching;

/// <summary>
/// Turns an exception from a request into a status: what the site did (DNS, TLS, connection, timeout) versus
/// what we did (our cancellation, our resolver, our network, our bugs), which must never count against a site.
/// Socket errors are read by <see cref="SocketFaults"/>.
/// </summary>
internal static class FailureClassifier
{
    public static (FetchStatus Status, string Error) Classify(Exception exception, bool ourTimeout, bool callerCancelled)
    {
        if (callerCancelled)
        {
            return (FetchStatus.ScannerError, "cancelled by the scanner");
        }

        if (ourTimeout)
        {
            return (FetchStatus.Timeout, "no complete answer within the timeout");
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DnsFailureException dns:
                    return (FetchStatus.Dns, dns.Message);
                case ResolverFailureException lookup:
                    return (lookup.Status, lookup.Message);
                case AuthenticationException a:
                    return (FetchStatus.Tls, $"TLS: {a.Message}");
                case CertificateRejectedException c:
                    return (FetchStatus.Tls, c.Message);
                case SocketException s:
                    return SocketFaults.OfConnection(s.SocketErrorCode) switch
                    {
                        FetchStatus.Connection => (FetchStatus.Connection, $"connection: {s.SocketErrorCode}"),
                        FetchStatus.Dns => (FetchStatus.Dns, $"name not resolved: {s.Message}"),
                        var ours => (ours, $"the scanner's own network or resources failed ({s.SocketErrorCode}: {s.Message}); not a fault of the site"),
                    };
            }
        }

        if (exception is HttpRequestException http)
        {
            return http.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => (FetchStatus.Dns, http.Message),
                HttpRequestError.SecureConnectionError => (FetchStatus.Tls, http.Message),
                HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse
                    or HttpRequestError.HttpProtocolError or HttpRequestError.Unknown => (FetchStatus.Connection, http.Message),
                _ => (FetchStatus.Connection, http.Message),
            };
        }

        if (exception is IOException io)
        {
            return (FetchStatus.Connection, $"connection: {io.Message}");
        }

        return (FetchStatus.ScannerError, $"{exception.GetType().Name}: {exception.Message}");
    }
}

/// <summary>A host that resolves to nothing (e.g. under .invalid, which RFC 6761 says never to look up).</summary>
public sealed class DnsFailureException(string message) : Exception(message);

/// <summary>The server's certificate failed our validation; the message says why (expired, name mismatch, untrusted).</summary>
public sealed class CertificateRejectedException(string message) : Exception(message);
