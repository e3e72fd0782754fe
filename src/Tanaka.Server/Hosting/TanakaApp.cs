using Tanaka.Server.Config;
using Tanaka.Server.Endpoints;
using Tanaka.Server.Errors;
using Tanaka.Server.Middleware;
using Tanaka.Server.Observability;
using Tanaka.Server.Repositories;
using Tanaka.Server.Services;

namespace Tanaka.Server.Hosting;

/// <summary>
/// The server's table of contents: which subsystems exist (<see cref="AddServices"/>), the order
/// requests pass through them (<see cref="UsePipeline"/>) and the resources it serves
/// (<see cref="MapEndpoints"/>). <c>tanaka serve</c> and the test host both build through here,
/// so tests exercise the real wiring.
/// </summary>
public static class TanakaApp
{
    /// <summary>Builds the configuration (throws <see cref="InvalidConfigurationException"/> when unusable), logging and services.</summary>
    public static WebApplicationBuilder CreateBuilder(TanakaHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Configuration is ours alone: no appsettings.json, no unprefixed environment variables, no ASPNETCORE_URLS.
            // Nothing reloads on change either: the default would watch the working directory,
            // the database's folder included, and wake up on every SQLite write.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ApplicationName = typeof(TanakaApp).Assembly.GetName().Name,
            // Never "Development": that would switch on the developer exception page, which shows stack traces.
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddTanakaSources(settings.Configuration);
        ConfigurationCheck.ThrowIfInvalid(builder.Configuration);

        builder.Host.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        builder.Logging.AddTanakaConsole(builder.Configuration);
        AddServices(builder.Services);
        settings.ConfigureServices?.Invoke(builder.Services);
        return builder;
    }

    public static void AddServices(IServiceCollection services)
    {
        services.AddTanakaOptions();
        services.AddErrorHandling();
        services.AddServerHost();
        services.AddKestrelHardening();
        services.AddHttpSecurity();
        services.AddTransportSecurity();

        // ── Subsystems owned by other parts of the server register here ──
        // Storage (Repositories/StorageServiceCollectionExtensions.cs): repositories, migrations,
        // Lamport clock and the "database" readiness check.
        services.AddStorage();

        // Auth before sync: the first-start token is created once storage has migrated (hosted
        // services start in registration order).
        services.AddAuth();
        services.AddSync();

        // Metrics (/metrics), tracing, trace ids in logs, OpenAPI and /docs (Observability/).
        services.AddObservability();
    }

    public static void UsePipeline(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseTransportSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseCors();
        app.UseRequestTimeouts();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    public static void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapSync();
        app.MapTabs();
        app.MapObservability();
    }

    /// <summary>A ready-to-run server: configured, wired and with its data directory prepared.</summary>
    public static WebApplication Build(TanakaHostSettings settings)
    {
        var app = CreateBuilder(settings).Build();
        app.Services.GetRequiredService<DataDirectory>().Prepare();
        UsePipeline(app);
        MapEndpoints(app);
        settings.ConfigureEndpoints?.Invoke(app);
        return app;
    }
}
