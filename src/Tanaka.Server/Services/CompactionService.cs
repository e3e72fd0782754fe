using System.Diagnostics;
using Microsoft.Extensions.Options;
using Tanaka.Crdt;
using Tanaka.Server.Config;
using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;

namespace Tanaka.Server.Services;

/// <summary>
/// Every <c>compaction.interval_seconds</c>, folds the update log of each workspace holding at
/// least <c>compaction.log_threshold</c> entries into a snapshot, so loading a document replays
/// a short log. Runs under the workspace's lock, so the snapshot is exactly the document the
/// log describes up to its newest entry.
/// </summary>
public sealed partial class CompactionService(
    WorkspaceLocks locks,
    WorkspaceDocumentCache cache,
    IWorkspaceStore store,
    IWorkspaceRepository workspaces,
    IOptions<CompactionOptions> options,
    CrdtLimits limits,
    SyncMetrics metrics,
    TimeProvider time,
    ILogger<CompactionService> logger) : BackgroundService
{
    /// <summary>Compacts every workspace whose log reached the threshold; returns how many were compacted.</summary>
    public async Task<int> CompactDueAsync(CancellationToken cancellationToken = default)
    {
        var threshold = options.Value.LogThreshold;
        var compacted = 0;
        foreach (var workspace in await workspaces.ListAsync(cancellationToken))
        {
            var stats = await store.GetLogStatsAsync(workspace.Id, cancellationToken);
            if (stats.Entries >= threshold && await CompactAsync(workspace.Id, cancellationToken) is { Applied: true })
            {
                compacted++;
            }
        }

        return compacted;
    }

    /// <summary>Folds the workspace's whole log into a new snapshot now; null when there was nothing to fold.</summary>
    public async Task<CompactionResult?> CompactAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        var started = Stopwatch.GetTimestamp();
        using (await locks.AcquireAsync(workspaceId, cancellationToken))
        {
            // A cached document is exactly storage's under the lock; otherwise load one just for
            // this, without pushing a hot workspace out of the cache.
            var document = cache.TryGet(workspaceId, out var cached)
                ? cached
                : WorkspaceDocument.Load(await store.LoadAsync(workspaceId, cancellationToken), limits);
            var stats = await store.GetLogStatsAsync(workspaceId, cancellationToken);
            if (stats.Entries == 0 || document.Clock <= stats.SnapshotClock)
            {
                return null;
            }

            var state = document.Doc.EncodeStateAsUpdate();
            var snapshot = new DocumentSnapshot(workspaceId, state, document.Doc.EncodeStateVector(), document.Clock, time.GetUtcNow());
            var result = await store.CompactAsync(snapshot, cancellationToken);
            if (result.Applied)
            {
                document.Compacted(state.Length);
                var elapsed = Stopwatch.GetElapsedTime(started);
                metrics.Compacted(elapsed);
                LogCompacted(logger, workspaceId, result.DeletedEntries, document.Clock, state.Length, elapsed.TotalMilliseconds);
            }

            return result;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CompactDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The log keeps everything; the next round tries again.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Compacted workspace {WorkspaceId}: {Entries} log entries folded into a snapshot at clock {Clock} ({Bytes} bytes) in {ElapsedMs:0.0} ms")]
    private static partial void LogCompacted(ILogger logger, string workspaceId, int entries, long clock, int bytes, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Compaction failed; it will be retried at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
