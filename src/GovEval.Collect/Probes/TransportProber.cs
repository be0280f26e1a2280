using System.Net;
using System.Net.Sockets;
using GovEval.Collect.Fetching;
using GovEval.Core.Observations;

namespace GovEval.Collect.Probes;

/// <summary>
/// Transport facts: does http:// redirect to https://, does the https handshake succeed with a valid certificate
/// (system roots plus extra roots), and is the site on IPv6. With IPv6 route rules (HOST:80:[::1]:P) a rule stands
/// for the AAAA record and connecting through it says whether the address answers; without rules, real DNS.
/// </summary>
public sealed class TransportProber(Fetcher fetcher, ConnectToRules? ipv6Routes = null) : IDisposable
{
    private readonly Lazy<Fetcher?> ipv6Fetcher = new(() => ipv6Routes is null ? null : new Fetcher(new FetchOptions
    {
        ConnectTo = ipv6Routes,
        Resolver = fetcher.Options.Resolver,
        ExtraRootsPem = fetcher.Options.ExtraRootsPem,
        Timeout = fetcher.Options.Timeout,
        Politeness = false,
        MaxRetries = 1,
        RetryBaseDelay = fetcher.Options.RetryBaseDelay,
        Clock = fetcher.Options.Clock,
        Contact = fetcher.Options.Contact,
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

        IPAddress[] addresses;
        try
        {
            addresses = await fetcher.Options.Resolver.ResolveAsync(uri.Host, AddressFamily.InterNetworkV6, cancel).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return (false, false, null);
        }
        catch (Exception e) when (e is OperationCanceledException or ArgumentException)
        {
            return (null, null, $"AAAA lookup failed in the scanner: {e.Message}");
        }

        if (addresses.Length == 0)
        {
            return (false, false, null);
        }

        var rules = new ConnectToRules(addresses.Take(1).SelectMany(a => new[]
        {
            new ConnectToRule(uri.Host, null, a.ToString(), null),
        }));
        using var direct = new Fetcher(new FetchOptions { ConnectTo = rules, Resolver = fetcher.Options.Resolver, ExtraRootsPem = fetcher.Options.ExtraRootsPem, Timeout = fetcher.Options.Timeout, Politeness = false, MaxRetries = 1 });
        var answer = await direct.FetchAsync(uri.AbsoluteUri, new FetchRequest { CheckRobots = false, Archive = false }, cancel).ConfigureAwait(false);
        return answer.Outcome.Status == FetchStatus.ScannerError ? (true, null, answer.Outcome.Error) : (true, answer.Outcome.Status == FetchStatus.Ok, null);
    }
}
