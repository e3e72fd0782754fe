using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Tanaka.Server.Config;

namespace Tanaka.Server.Middleware;

public static class HttpSecurityServiceCollectionExtensions
{
    /// <summary>CORS for extension origins and configured origins, request logging and security headers.</summary>
    public static IServiceCollection AddHttpSecurity(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>()
            .Configure<IOptions<SyncOptions>>((cors, sync) =>
            {
                var origins = new ExtensionOrigins(sync.Value);
                // No AllowCredentials: clients authenticate with a bearer token, never cookies, so a
                // reflected origin can never carry ambient credentials.
                cors.AddDefaultPolicy(policy => policy
                    .SetIsOriginAllowed(origins.IsAllowed)
                    .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete)
                    .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.Accept, HeaderNames.IfNoneMatch)
                    .WithExposedHeaders(HeaderNames.RetryAfter, HeaderNames.ETag)
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
            });
        return services;
    }
}
