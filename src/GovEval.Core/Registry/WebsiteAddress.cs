using System.Net;
using System.Net.Sockets;
using GovEval.Core.Observations;

namespace GovEval.Core.Registry;

/// <summary>
/// Which addresses the registry takes for a website, data portal or service platform: an absolute http(s) URL a
/// visitor's browser could open on a public host. A registered address is fetched by <c>collect</c> unattended,
/// so the registry must not be a way to make the scanner talk to other protocols or to the machines beside it:
/// <list type="bullet">
/// <item>no user name or password before the host (a public site needs none; a registry would keep and publish
/// it, and <c>http://www.gov.cn@evil.example/</c> hides the real host);</item>
/// <item>no port browsers refuse to open (the Fetch standard's blocked ports: ssh, smtp, imap …), since no visitor
/// can reach a website there — 8080, 8443 and other web ports are fine;</item>
/// <item>no internal host (localhost, a name of one label, .local, .internal, .home.arpa, a loopback, private,
/// link-local, shared or reserved address) unless internal hosts are allowed for intranet assessments. Tests
/// and demos do not need that: they register real host names and route them to the simulated web with
/// <c>--connect-to</c>.</item>
/// </list>
/// Host names are not resolved here (the registry works offline); a public name that resolves to an internal
/// address is the fetcher's to refuse.
/// </summary>
public static class WebsiteAddress
{
    /// <summary>https://fetch.spec.whatwg.org/#port-blocking (the "bad port" list), and port 0, which nothing listens on.</summary>
    private static readonly HashSet<int> BlockedPorts =
    [
        0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109,
        110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530,
        531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190,
        5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
    ];

    private static readonly string[] LocalSuffixes = [".localhost", ".local", ".internal", ".home.arpa", ".localdomain"];

    /// <summary>Null when <paramref name="text"/> may be registered; otherwise what is wrong and what to do.</summary>
    /// <param name="allowInternal">Intranet sites are assessed: internal hosts are accepted (the other rules stay).</param>
    public static string? Problem(string text, bool allowInternal = false)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0)
        {
            return $"'{text}' is not an absolute http(s) URL (e.g. https://www.example.gov.cn/)";
        }

        if (UrlNormalizer.IdnHost(uri) is null)
        {
            // System.Uri accepts the text but cannot spell its host for DNS (a character IDNA forbids): no resolver could reach it.
            return $"'{text}' has a host name that is not a valid internationalised domain name (a character IDNA does not allow); give the site's host as its address bar shows it";
        }

        var reasons = new List<string>();
        var advice = new List<string>();
        var shown = text;
        if (uri.UserInfo.Length > 0)
        {
            shown = text.Replace(uri.UserInfo + "@", "…@", StringComparison.Ordinal);
            reasons.Add("has a user name or password before the host, which a public website never needs and the registry would keep and publish");
            advice.Add($"give it without them ({uri.Scheme}://{uri.Authority}{uri.PathAndQuery})");
        }

        if (BlockedPorts.Contains(uri.Port))
        {
            reasons.Add($"uses port {uri.Port}, which browsers refuse to open (it belongs to another protocol), so no visitor can reach a website there");
            advice.Add("give the site's web address (usually without a port; 8080, 8443 and other web ports are fine)");
        }

        if (!allowInternal && Internal(uri) is { } what)
        {
            reasons.Add($"names {what}, not a public website, which collection would then probe");
            advice.Add("register the site's public host name (tests and demos route real host names to local servers with --connect-to), " +
                       "or import with --allow-internal-hosts to assess intranet sites");
        }

        return reasons.Count == 0 ? null : $"'{shown}' {string.Join("; it also ", reasons)}: {string.Join("; ", advice)}";
    }

    /// <summary>What kind of internal host the URL names, or null for a public one.</summary>
    private static string? Internal(Uri uri)
    {
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.DnsSafeHost, out var address))
        {
            return InternalAddress(address) is { } range ? $"{range} address" : null;
        }

        var host = UrlNormalizer.IdnHost(uri)!.TrimEnd('.').ToLowerInvariant();
        if (host == "localhost" || LocalSuffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal)))
        {
            return "a host of the local network";
        }

        return host.Contains('.', StringComparison.Ordinal) ? null : "a host name of one label, which resolves on the local network";
    }

    private static string? InternalAddress(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 => "an unspecified",
                10 => "a private",
                127 => "a loopback",
                100 when b[1] is >= 64 and < 128 => "a shared (carrier NAT)",
                169 when b[1] == 254 => "a link-local",
                172 when b[1] is >= 16 and < 32 => "a private",
                192 when b[1] == 168 => "a private",
                192 when b[1] == 0 && b[2] == 0 => "a reserved",
                198 when b[1] is 18 or 19 => "a benchmarking",
                >= 224 => "a multicast or reserved",
                _ => null,
            };
        }

        if (IPAddress.IsLoopback(address))
        {
            return "a loopback";
        }

        if (address.Equals(IPAddress.IPv6Any))
        {
            return "an unspecified";
        }

        return address.IsIPv6LinkLocal ? "a link-local"
            : address.IsIPv6SiteLocal ? "a site-local"
            : address.IsIPv6UniqueLocal ? "a private"
            : address.IsIPv6Multicast ? "a multicast"
            : null;
    }
}
