using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;

namespace Tanaka.Server.Middleware;

/// <summary>
/// How a request reached the server: the client address and scheme behind trusted reverse
/// proxies, HSTS on HTTPS responses, and the redirect from plain HTTP to HTTPS. Each part is on
/// only when configured.
/// </summary>
public static class TransportSecurity
{
    /// <summary>A year, the usual HSTS lifetime; no includeSubDomains, since other hosts of the domain are not ours.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services)
    {
        services.AddHttpsRedirection(options => options.RedirectStatusCode = StatusCodes.Status308PermanentRedirect);
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ServerOptions>>((forwarded, server) =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // Walk back through every proxy in the chain, as long as each one is trusted.
                forwarded.ForwardLimit = null;
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var proxy in server.Value.TrustedProxies)
                {
                    if (System.Net.IPAddress.TryParse(proxy, out var address))
                    {
                        forwarded.KnownProxies.Add(address);
                    }
                    else
                    {
                        forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                    }
                }
            });
        return services;
    }

    public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app)
    {
        var server = app.ApplicationServices.GetRequiredService<IOptions<ServerOptions>>().Value;
        var tls = app.ApplicationServices.GetRequiredService<IOptions<TlsOptions>>().Value;
        if (server.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        if (tls.Enabled && tls.Hsts)
        {
            app.Use((context, next) =>
            {
                if (context.Request.IsHttps)
                {
                    // OnStarting, so error responses (whose headers the exception handler resets) carry it too.
                    context.Response.OnStarting(static state =>
                    {
                        ((HttpResponse)state).Headers.StrictTransportSecurity = StrictTransportSecurity;
                        return Task.CompletedTask;
                    }, context.Response);
                }

                return next(context);
            });
        }

        if (tls.Enabled && tls.RedirectHttp)
        {
            app.UseHttpsRedirection();
        }

        return app;
    }
}
