using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tanaka.Server.Hosting;

/// <summary>Ready only when a file can be created in the data directory (full disk, read-only mount and a deleted directory all fail).</summary>
internal sealed class DataDirectoryHealthCheck(DataDirectory dataDirectory) : IHealthCheck
{
    public const string Name = "data_directory";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = System.IO.Path.Combine(dataDirectory.Path, $".ready-{Guid.NewGuid():N}");
        try
        {
            await using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                await stream.WriteAsync(new byte[] { 1 }, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            return HealthCheckResult.Healthy("The data directory is writable.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The data directory is not writable.");
        }
    }
}
