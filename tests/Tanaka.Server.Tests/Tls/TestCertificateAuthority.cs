using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tanaka.Server.Tests.Tls;

/// <summary>A throw-away certificate authority that issues server certificates for loopback, and clients that trust only it.</summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestCertificateAuthority()
    {
        var request = new CertificateRequest("CN=Tanaka Test CA", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        Root = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    public X509Certificate2 Root { get; }

    /// <summary>A server certificate for 127.0.0.1 and localhost, signed by this authority.</summary>
    public X509Certificate2 Issue(string commonName, TimeSpan? validFor = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(Root, now.AddHours(-1), now + (validFor ?? TimeSpan.FromDays(30)), serial);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Writes the pair the way an ACME client does: write new files, then move them over the old ones.</summary>
    public static void WritePem(X509Certificate2 certificate, string certPath, string keyPath)
    {
        using var key = certificate.GetECDsaPrivateKey()!;
        Replace(certPath, certificate.ExportCertificatePem());
        Replace(keyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public static void Replace(string path, string content)
    {
        var staging = path + ".new";
        File.WriteAllText(staging, content);
        File.Move(staging, path, overwrite: true);
    }

    /// <summary>
    /// A handler that trusts only <paramref name="root"/>, checks the host name, opens a new
    /// connection per request (so each request is a fresh handshake) and reports the served certificate.
    /// </summary>
    public static SocketsHttpHandler TrustingHandler(X509Certificate2 root, Action<X509Certificate2>? served = null, bool allowRedirects = true) => new()
    {
        AllowAutoRedirect = allowRedirects,
        PooledConnectionLifetime = TimeSpan.Zero,
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                {
                    return false;
                }

                using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                served?.Invoke(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(root);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(leaf);
            },
        },
    };

    public void Dispose()
    {
        Root.Dispose();
        _key.Dispose();
    }
}
