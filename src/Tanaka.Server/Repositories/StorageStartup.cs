using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories;

/// <summary>
/// Migrates the schema and starts the Lamport clock from the highest stored clock before the
/// server takes requests. A database from a newer Tanaka stops start-up here.
/// </summary>
internal sealed partial class StorageStartup(
    ISchemaMigrator migrator,
    IWorkspaceStore store,
    LamportClock clock,
    ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await migrator.MigrateAsync(cancellationToken);
        if (report.Applied.Count > 0)
        {
            LogMigrated(logger, report.FromVersion, report.ToVersion, string.Join(", ", report.Applied));
        }

        clock.Observe(await store.GetHighestClockAsync(cancellationToken));
        LogReady(logger, report.ToVersion, clock.Current);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema migrated from version {From} to {To}: {Migrations}")]
    private static partial void LogMigrated(ILogger logger, int from, int to, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready at schema version {Version}, clock {Clock}")]
    private static partial void LogReady(ILogger logger, int version, long clock);
}
