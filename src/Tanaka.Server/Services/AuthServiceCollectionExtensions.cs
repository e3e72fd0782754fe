using Microsoft.Extensions.DependencyInjection.Extensions;
using Tanaka.Server.Middleware;

namespace Tanaka.Server.Services;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Bearer-token authentication (scheme <see cref="BearerAuthenticationHandler.SchemeName"/>),
    /// the <see cref="WorkspaceClaims.Policy"/> authorization policy endpoints require,
    /// <see cref="IAuthService"/>, the failed-attempt throttle and the first-start token.
    /// Register after storage (<c>AddStorage</c>): the first-start token needs the migrated database.
    /// </summary>
    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuthService, AuthService>();
        services.TryAddSingleton<FailedAuthThrottle>();
        services.TryAddSingleton(_ => new ConsoleBanner());
        services.AddHostedService<TokenBootstrap>();

        // The core services only: AddAuthentication() would also bring data protection, which
        // writes a key ring to the user's profile for cookie schemes this server never uses.
        // No default scheme (not even the automatic one for a lone scheme): only endpoints that
        // require the policy look at the Authorization header, so probes and unknown routes never
        // touch the token store or count as failed attempts.
        // (ASP.NET Core documents this switch for turning the automatic default off.)
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthenticationCore(options =>
            options.AddScheme<BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, displayName: null));
        services.AddWebEncoders();
        // The base handler logs every challenge at Information; the handler's own warning for a
        // rejected token (address and reason) is the one line an operator needs.
        services.Configure<LoggerFilterOptions>(options =>
            options.AddFilter(typeof(BearerAuthenticationHandler).FullName, LogLevel.Warning));
        services.AddAuthorizationBuilder()
            .AddPolicy(WorkspaceClaims.Policy, policy => policy
                .AddAuthenticationSchemes(BearerAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(WorkspaceClaims.WorkspaceId));
        return services;
    }
}
