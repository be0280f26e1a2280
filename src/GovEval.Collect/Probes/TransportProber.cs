using System.Net;
using System.Net.Sockets;
using GovEval.Collect.Fetching;
using GovEval.Core.Observations;

namespace GovEval.Collect.Probes;

/// <summary>
/// Transport facts: does http:// redirect to https://, does the https handshake succeed with a valid certificate
/// (system roots plus extra roots), and is the site on IPv6. With IPv6 route rules (HOST:80:[::1]:P) a rule stands
/// for the AAAA record and connecting through it says whether the address answers; without them the AAAA record
/// comes from the fetcher's connect-to rule for the host, else from its resolver (real DNS). A lookup or fetch the
/// scanner could not complete leaves the fact unknown (not measured), never "no IPv6".
/// </summary>
public sealed class TransportProber(Fetcher fetcher, ConnectToRules? ipv6Routes = null) : IDisposable
{
    // Hosts the IPv6 routes do not name (an off-site redirect) keep the fetcher's rules, never real DNS.
    private readonly Lazy<Fetcher?> ipv6Fetcher = new(() => ipv6Routes is null ? null : new Fetcher(fetcher.Options with
    {
        ConnectTo = ipv6Routes.Concat(fetcher.Options.ConnectTo),
        Politeness = false,
        MaxRetries = 1,
        Warc = null,
    }));

    public void Dispose()
    {
        if (ipv6Fetcher.IsValueCreated)
        {
            ipv6Fetcher.Value?.Dispose();
        }
    }

    public async Task<(TransportProbe Probe, IReadOnlyList<NotMeasured> NotMeasured)> ProbeAsync(string homepage, CancellationToken cancel = default)
    {
        var uri = new Uri(homepage);
        var notMeasured = new List<NotMeasured>();
        var httpUrl = new UriBuilder(uri) { Scheme = "http", Port = -1 }.Uri.AbsoluteUri;
        var httpsUrl = new UriBuilder(uri) { Scheme = "https", Port = -1 }.Uri.AbsoluteUri;
        var request = new FetchRequest { CheckRobots = false };

        var http = await fetcher.FetchAsync(httpUrl, request, cancel).ConfigureAwait(false);
        var https = await fetcher.FetchAsync(httpsUrl, request with { MaxRetries = 1 }, cancel).ConfigureAwait(false);

        bool? redirects = http.Outcome.Status switch
        {
            FetchStatus.ScannerError => null,
            _ when http.Outcome.Redirects.Count > 0 => http.Outcome.Redirects.Any(r => r.To.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                && (http.Outcome.FinalUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? false),
            _ => false,
        };
        if (redirects is null)
        {
            notMeasured.Add(new NotMeasured("security.https", $"http:// could not be fetched by the scanner: {http.Outcome.Error}"));
        }

        bool? valid;
        string? problem = null;
        switch (https.Outcome.Status)
        {
            case FetchStatus.Tls:
                valid = false;
                problem = https.CertificateProblem ?? "TLS handshake failed";
                break;
            case FetchStatus.ScannerError:
                valid = null;
                notMeasured.Add(new NotMeasured("security.https", $"https:// could not be fetched by the scanner: {https.Outcome.Error}"));
                break;
            case FetchStatus.Dns or FetchStatus.Connection or FetchStatus.Timeout:
                valid = false;
                problem = $"no HTTPS: {https.Outcome.Error}";
                break;
            default:
                valid = true;
                break;
        }

        var (hasAaaa, answers, ipv6Problem) = await Ipv6Async(uri, cancel).ConfigureAwait(false);
        if (ipv6Problem is not null)
        {
            notMeasured.Add(new NotMeasured("network.ipv6", ipv6Problem));
        }

        return (new TransportProbe(http.Outcome, https.Outcome, redirects, valid, problem, hasAaaa, answers), notMeasured);
    }

    private async Task<(bool? HasAaaa, bool? Answers, string? Problem)> Ipv6Async(Uri uri, CancellationToken cancel)
    {
        if (ipv6Fetcher.Value is { } v6)
        {
            if (!ipv6Routes!.Names(uri.Host))
            {
                return (false, false, null);
            }

            var result = await v6.FetchAsync(new UriBuilder(uri) { Scheme = "http", Port = -1 }.Uri.AbsoluteUri, new FetchRequest { CheckRobots = false, Archive = false }, cancel).ConfigureAwait(false);
            return result.Outcome.Status == FetchStatus.ScannerError
                ? (true, null, $"IPv6 fetch failed in the scanner: {result.Outcome.Error}")
                : (true, result.Outcome.Status == FetchStatus.Ok, null);
        }

        var (address, problem) = await AaaaAsync(uri, cancel).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, null, problem);
        }

        if (address is null)
        {
            return (false, false, null);
        }

        // Connect to that address on the ports the homepage and its redirects use, each where a connect-to rule
        // sends it; other hosts (an off-site redirect) keep the fetcher's own rules.
        var options = fetcher.Options;
        var direct = new List<ConnectToRule>();
        foreach (var port in new[] { uri.Port, 80, 443 }.Distinct())
        {
            direct.Add(new ConnectToRule(uri.Host, port, address.ToString(), options.ConnectTo.Resolve(uri.Host, port)?.Port ?? port));
        }

        using var v6Direct = new Fetcher(options with { ConnectTo = new ConnectToRules(direct).Concat(options.ConnectTo), Politeness = false, MaxRetries = 1, Warc = null });
        var answer = await v6Direct.FetchAsync(uri.AbsoluteUri, new FetchRequest { CheckRobots = false, Archive = false }, cancel).ConfigureAwait(false);
        return answer.Outcome.Status == FetchStatus.ScannerError
            ? (true, null, $"IPv6 fetch failed in the scanner: {answer.Outcome.Error}")
            : (true, answer.Outcome.Status == FetchStatus.Ok, null);
    }

    /// <summary>
    /// The host's first IPv6 address (null: it has none), or why the scanner could not tell. curl's --connect-to
    /// holds for the lookup too: a host a rule covers is answered by the rule's target (an IPv6 literal is the
    /// address, an IPv4 literal means none, a name is looked up), so a host routed to the simulated web is never
    /// looked up in real DNS.
    /// </summary>
    private async Task<(IPAddress? Address, string? Problem)> AaaaAsync(Uri uri, CancellationToken cancel)
    {
        var name = fetcher.Options.ConnectTo.Resolve(uri.Host, uri.Port)?.Host ?? uri.Host;
        if (IPAddress.TryParse(name.Trim('[', ']'), out var literal))
        {
            return (literal.AddressFamily == AddressFamily.InterNetworkV6 ? literal : null, null);
        }

        IPAddress[] addresses;
        try
        {
            addresses = await fetcher.Options.Resolver.ResolveAsync(name, AddressFamily.InterNetworkV6, cancel).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            // NXDOMAIN or no AAAA is the site's answer; a resolver that could not answer says nothing about the site.
            var failure = new ResolverFailureException(name, e);
            return failure.Status == FetchStatus.Dns ? (null, null) : (null, $"AAAA lookup failed in the scanner: {failure.Message}");
        }
        catch (Exception e) when (e is OperationCanceledException or ArgumentException)
        {
            return (null, $"AAAA lookup failed in the scanner: {e.Message}");
        }

        return (addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetworkV6), null);
    }
}
