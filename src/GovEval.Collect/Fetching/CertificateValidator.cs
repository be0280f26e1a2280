using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace GovEval.Collect.Fetching;

/// <summary>
/// Validates server certificates against the system roots plus configured extra roots (the sandbox CA) and
/// names the problem the way the security.https rule reports it: expired, name mismatch, untrusted.
/// </summary>
public sealed class CertificateValidator(IReadOnlyList<string> extraRootsPem, TimeProvider clock)
{
    private readonly X509Certificate2Collection extraRoots = Load(extraRootsPem);

    /// <summary>Null when valid; otherwise the problem.</summary>
    public string? Problem(X509Certificate? certificate, string host, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return "no certificate";
        }

        using var owned = certificate as X509Certificate2 is null ? new X509Certificate2(certificate) : null;
        var cert = owned ?? (X509Certificate2)certificate;
        var now = clock.GetUtcNow().UtcDateTime;
        if (cert.NotAfter.ToUniversalTime() < now)
        {
            return $"expired on {cert.NotAfter.ToUniversalTime():yyyy-MM-dd}";
        }

        if (cert.NotBefore.ToUniversalTime() > now)
        {
            return $"not valid before {cert.NotBefore.ToUniversalTime():yyyy-MM-dd}";
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || !cert.MatchesHostname(host))
        {
            return $"name mismatch: the certificate does not cover {host}";
        }

        if (!errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            return null;
        }

        if (extraRoots.Count > 0)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(extraRoots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = now;
            if (chain.Build(cert))
            {
                return null;
            }
        }

        return cert.Subject == cert.Issuer ? "untrusted: self-signed" : "untrusted: no chain to a trusted root";
    }

    private static X509Certificate2Collection Load(IReadOnlyList<string> pems)
    {
        var collection = new X509Certificate2Collection();
        foreach (var pem in pems)
        {
            collection.ImportFromPem(pem);
        }

        return collection;
    }
}
