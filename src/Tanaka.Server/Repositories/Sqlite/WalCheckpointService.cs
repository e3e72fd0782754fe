using Microsoft.Data.Sqlite;

namespace Tanaka.Server.Repositories.Sqlite;

/// <summary>
/// Checkpoints the SQLite WAL in the background, every <see cref="Interval"/>: commits then only
/// append to the WAL (with <c>synchronous=NORMAL</c>, no fsync), instead of one commit in a few
/// hundred stopping to copy pages and fsync while every sync of its workspace waits behind it.
/// </summary>
internal sealed partial class WalCheckpointService(
    SqliteDatabase database,
    TimeProvider time,
    ILogger<WalCheckpointService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await database.CheckpointAsync(stoppingToken);
                }
                catch (SqliteException e)
                {
                    // The writer's own auto-checkpoint still bounds the WAL; try again next tick.
                    LogFailed(logger, e.SqliteErrorCode, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed (SQLite error {Code}): {Message}")]
    private static partial void LogFailed(ILogger logger, int code, string message);
}
