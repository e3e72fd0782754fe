using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;

namespace Tanaka.Server.Hosting;

/// <summary>
/// The HTTPS certificate from the PEM files in <c>[tls]</c>. Kestrel asks for it on every TLS
/// handshake; when either file has changed since it was loaded (certbot renews by swapping
/// symlinks), it is loaded again, so renewals apply without a restart. Checking costs two
/// <c>stat</c> calls, nothing next to the handshake itself. A renewal caught half-written
/// (certificate and key not matching yet) keeps the previous certificate until the files settle.
/// </summary>
public sealed partial class ServerCertificate(IOptions<TlsOptions> options, ILogger<ServerCertificate> logger, TimeProvider? clock = null)
{
    private static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(14);

    private readonly Lock _lock = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private Loaded? _current;
    private PemFilesStamp? _failed;

    /// <summary>The certificate to present now. The first call throws <see cref="InvalidConfigurationException"/> when the files cannot be used.</summary>
    public X509Certificate2 Current
    {
        get
        {
            var (certPath, keyPath) = Paths();
            var stamp = PemFilesStamp.Read(certPath, keyPath);
            var current = _current;
            if (current is not null && (stamp is null || stamp == current.Stamp || stamp == _failed))
            {
                return current.Certificate;
            }

            lock (_lock)
            {
                current = _current;
                if (current is not null && (stamp is null || stamp == current.Stamp || stamp == _failed))
                {
                    return current.Certificate;
                }

                try
                {
                    var certificate = Load(certPath, keyPath);
                    _current = new Loaded(certificate, stamp);
                    _failed = null;
                    LogLoaded(logger, certificate.Subject, certificate.GetCertHashString(HashAlgorithmName.SHA256), certificate.NotAfter.ToUniversalTime());
                    WarnAboutExpiry(certificate);
                    WarnIfKeyIsOpen(keyPath);
                    return certificate;
                }
                catch (Exception e) when (current is not null && IsFileProblem(e))
                {
                    // Most likely a renewal in progress; try again when the files change once more.
                    _failed = stamp;
                    LogReloadFailed(logger, e.Message);
                    return current.Certificate;
                }
                catch (Exception e) when (IsFileProblem(e))
                {
                    throw new InvalidConfigurationException(
                        $"tls.cert_path / tls.key_path: cannot load an HTTPS certificate from '{certPath}' and '{keyPath}': {e.Message}", e);
                }
            }
        }
    }

    private (string CertPath, string KeyPath) Paths()
    {
        var tls = options.Value;
        return (Path.GetFullPath(tls.CertPath ?? ""), Path.GetFullPath(tls.KeyPath ?? ""));
    }

    private static X509Certificate2 Load(string certPath, string keyPath)
    {
        var certificate = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        // Windows SChannel cannot use the ephemeral key a PEM import creates; round-trip through PKCS#12.
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
        }
    }

    private void WarnAboutExpiry(X509Certificate2 certificate)
    {
        var left = certificate.NotAfter.ToUniversalTime() - _clock.GetUtcNow().UtcDateTime;
        if (left < ExpiryWarning)
        {
            LogExpiresSoon(logger, certificate.Subject, certificate.NotAfter.ToUniversalTime());
        }
    }

    private void WarnIfKeyIsOpen(string keyPath)
    {
        if (DataDirectory.IsOpenToOthers(keyPath))
        {
            LogKeyOpen(logger, keyPath);
        }
    }

    private static bool IsFileProblem(Exception e) =>
        e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException;

    private sealed record Loaded(X509Certificate2 Certificate, PemFilesStamp? Stamp);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTPS certificate loaded: {Subject}, SHA-256 {Thumbprint}, valid until {NotAfter:u}")]
    private static partial void LogLoaded(ILogger logger, string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HTTPS certificate {Subject} expires {NotAfter:u}; renew it (the server picks up new files without a restart)")]
    private static partial void LogExpiresSoon(ILogger logger, string subject, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The changed HTTPS certificate files could not be loaded ({Reason}); still serving the previous certificate")]
    private static partial void LogReloadFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The HTTPS private key {Path} is accessible by other users. Restrict it with: chmod 600")]
    private static partial void LogKeyOpen(ILogger logger, string path);
}
