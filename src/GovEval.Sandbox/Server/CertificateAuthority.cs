using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GovEval.Sandbox.Sites;

namespace GovEval.Sandbox.Server;

/// <summary>
/// A certificate authority made at start, and a leaf certificate per host made on first use (ECDSA P-256, fast
/// to generate). Hosts meant to fail security.https get an expired, misnamed or self-signed leaf. Clients that
/// trust <see cref="Certificate"/> (written by --ca) can tell valid from invalid the way they would on the web.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    private const int CacheLimit = 4096;
    private readonly ECDsa key;
    private readonly ConcurrentDictionary<(string Host, HttpsMode Mode), SslStreamCertificateContext> leaves = new();
    /// <summary>Certificates are checked against the real time by clients, so validity uses the real clock, not a test's.</summary>
    public CertificateAuthority()
    {
        key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=GovEval Sandbox Root CA, O=GovEval", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        Certificate = request.CreateSelfSigned(now.AddYears(-2), now.AddYears(10));
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    public SslStreamCertificateContext For(string host, HttpsMode mode)
    {
        if (leaves.Count > CacheLimit)
        {
            leaves.Clear();
        }

        return leaves.GetOrAdd((host, mode), key => Create(key.Host, key.Mode));
    }

    private SslStreamCertificateContext Create(string host, HttpsMode mode)
    {
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = mode == HttpsMode.WrongNameCertificate ? "www.wrong-site.invalid" : host;
        var request = new CertificateRequest($"CN={name}", leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        var (notBefore, notAfter) = mode == HttpsMode.ExpiredCertificate ? (now.AddDays(-400), now.AddDays(-30)) : (now.AddDays(-1), now.AddDays(397));
        X509Certificate2 leaf;
        if (mode == HttpsMode.SelfSignedCertificate)
        {
            leaf = request.CreateSelfSigned(notBefore, notAfter);
            return SslStreamCertificateContext.Create(leaf, null, offline: true);
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        using var signed = request.Create(Certificate, notBefore, notAfter, serial);
        leaf = signed.CopyWithPrivateKey(leafKey);
        return SslStreamCertificateContext.Create(leaf, [Certificate], offline: true);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        key.Dispose();
    }
}
