using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tanaka.Server.Hosting;

namespace Tanaka.Server.Endpoints;

/// <summary>Liveness, readiness and the 0.5-compatible <c>/health</c>; all public, none touches private data.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Liveness: the process answers. No checks run, so a slow database never gets the process restarted.
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous().WithName("GetLiveness").WithSummary("Liveness: the process answers.");

        app.MapHealthChecks("/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous().WithName("GetReadiness").WithSummary("Readiness: database reachable and migrated, data directory writable.");

        app.MapGet("/health", GetHealth)
            .AllowAnonymous()
            .WithName("GetHealth")
            .WithSummary("Status and version, as the 0.5 extension expects.");
        return app;
    }

    public static Ok<HealthResponse> GetHealth(BuildInfo build) => TypedResults.Ok(new HealthResponse("ok", build.Version));
}
