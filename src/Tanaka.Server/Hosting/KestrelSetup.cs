using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Tanaka.Server.Config;

namespace Tanaka.Server.Hosting;

/// <summary>Endpoints and limits for Kestrel. Limits are tighter than Kestrel's defaults where sync traffic never needs more.</summary>
internal static class KestrelSetup
{
    public static void Configure(KestrelServerOptions kestrel, ServerOptions server)
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

        if (ServerOptionsValidator.IsLocalhost(server.Host))
        {
            kestrel.ListenLocalhost(server.Port);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(server.Host), server.Port);
        }
    }
}
