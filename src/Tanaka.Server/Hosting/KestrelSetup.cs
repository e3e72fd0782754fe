using System.Net;
using System.Security.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Tanaka.Server.Config;

namespace Tanaka.Server.Hosting;

/// <summary>Endpoints and limits for Kestrel. Limits are tighter than Kestrel's defaults where sync traffic never needs more.</summary>
internal static class KestrelSetup
{
    public static void Configure(KestrelServerOptions kestrel, ServerOptions server, TlsOptions tls, ServerCertificate certificate)
    {
        kestrel.AddServerHeader = false;

        var limits = kestrel.Limits;
        limits.MaxRequestBodySize = server.MaxRequestBodyBytes;
        limits.MaxRequestHeaderCount = 64;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;
        limits.MaxRequestLineSize = 8 * 1024;
        // Slow-client defences: a client must send its headers promptly and its body at a minimum rate.
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(65);
        limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        limits.MinResponseDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        limits.Http2.MaxStreamsPerConnection = 100;

        if (!tls.Enabled)
        {
            Listen(kestrel, server.Host, server.Port, _ => { });
            return;
        }

        // Load now, so unusable certificate files stop the start with a message instead of failing every handshake.
        _ = certificate.Current;
        Listen(kestrel, server.Host, server.Port, listen => listen.UseHttps(https =>
        {
            https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
            https.ServerCertificateSelector = (_, _) => certificate.Current;
        }));
        if (tls.HttpPort is { } httpPort)
        {
            Listen(kestrel, server.Host, httpPort, _ => { });
        }
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port, Action<ListenOptions> configure)
    {
        if (ServerOptionsValidator.IsLocalhost(host))
        {
            kestrel.ListenLocalhost(port, configure);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(host), port, configure);
        }
    }
}
