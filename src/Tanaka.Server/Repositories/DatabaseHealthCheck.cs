using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tanaka.Server.Repositories;

/// <summary>Ready when the database answers and its schema is the version this build writes.</summary>
internal sealed class DatabaseHealthCheck(ISchemaMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        SchemaStatus status;
        try
        {
            status = await migrator.GetStatusAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The description is public on /ready: name the failure, keep paths and SQL out of it.
            return HealthCheckResult.Unhealthy($"database unreachable ({exception.GetType().Name})", exception);
        }

        return status switch
        {
            { IsCurrent: true } => HealthCheckResult.Healthy($"schema version {status.CurrentVersion}"),
            { IsTooNew: true } => HealthCheckResult.Unhealthy(
                $"schema version {status.CurrentVersion} is newer than this build supports ({status.LatestVersion})"),
            _ => HealthCheckResult.Unhealthy(
                $"schema version {status.CurrentVersion}, expected {status.LatestVersion}: run 'tanaka migrate'"),
        };
    }
}
