using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;
using Tanaka.Server.Errors;

namespace Tanaka.Server.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>The data directory, build information and readiness of the host itself.</summary>
    public static IServiceCollection AddServerHost(this IServiceCollection services)
    {
        services.AddSingleton<DataDirectory>();
        services.AddSingleton(BuildInfo.FromAssembly());
        services.AddHealthChecks()
            .AddCheck<DataDirectoryHealthCheck>(DataDirectoryHealthCheck.Name, tags: [HealthTags.Ready]);
        return services;
    }

    /// <summary>
    /// Kestrel on server.host:server.port (HTTPS when tls.enabled, with a reloading certificate),
    /// limits against oversized and slow requests, and a per-request timeout.
    /// </summary>
    public static IServiceCollection AddKestrelHardening(this IServiceCollection services)
    {
        services.AddSingleton<ServerCertificate>();
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ServerOptions>, IOptions<TlsOptions>, ServerCertificate>(
                (kestrel, server, tls, certificate) => KestrelSetup.Configure(kestrel, server.Value, tls.Value, certificate));

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>()
            .Configure<IOptions<ServerOptions>>((timeouts, server) => timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(server.Value.RequestTimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = context => AppProblem.WriteAsync(
                    context,
                    new AppError.Unavailable($"The request took longer than {server.Value.RequestTimeoutSeconds} s (server.request_timeout_seconds).")),
            });
        return services;
    }
}
