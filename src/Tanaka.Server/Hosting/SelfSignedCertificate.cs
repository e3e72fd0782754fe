using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tanaka.Server.Hosting;

/// <summary>A self-signed HTTPS certificate for development or a LAN, written as the PEM pair <c>[tls]</c> reads.</summary>
public static class SelfSignedCertificate
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>An ECDSA P-256 certificate naming every host (DNS names and IP addresses) as a subject alternative name.</summary>
    public static X509Certificate2 Create(IReadOnlyList<string> hosts, TimeSpan validity, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentOutOfRangeException.ThrowIfZero(hosts.Count);
        var now = (clock ?? TimeProvider.System).GetUtcNow();

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(hosts[0]);
        subject.AddOrganizationName("Tanaka self-signed");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);

        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (IPAddress.TryParse(host, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        // Backdated a little so a client whose clock runs slightly behind accepts it at once.
        return request.CreateSelfSigned(now.AddMinutes(-5), now + validity);
    }

    /// <summary>Writes the certificate and its private key as PEM; the key file is readable by its owner only.</summary>
    public static void WritePem(X509Certificate2 certificate, string certPath, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetECDsaPrivateKey() ?? throw new ArgumentException("The certificate has no ECDSA private key.", nameof(certificate));
        File.WriteAllText(certPath, certificate.ExportCertificatePem() + "\n");

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(keyPath, options);
        writer.Write(key.ExportPkcs8PrivateKeyPem());
        writer.Write('\n');
    }
}
