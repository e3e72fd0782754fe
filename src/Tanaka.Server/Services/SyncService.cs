using System.Diagnostics;
using Tanaka.Crdt;
using Tanaka.Server.Errors;
using Tanaka.Server.Observability;
using Tanaka.Server.Repositories;

namespace Tanaka.Server.Services;

/// <summary>
/// The sync path: per-device rate limit, then under the workspace's lock merge the device's
/// update into the cached document, check the domain rules, and store log entry, rows and
/// sync state in one commit; answer with what the device lacks. The cached document only ever
/// holds what storage holds: whenever a change fails or is rejected it is evicted and the next
/// sync rebuilds it from storage.
/// </summary>
public sealed class SyncService(
    WorkspaceLocks locks,
    WorkspaceDocumentCache cache,
    IWorkspaceStore store,
    DomainValidator validator,
    TabMaterializer materializer,
    DeviceRateLimiter rateLimiter,
    SyncMetrics metrics,
    TanakaMetrics telemetry,
    TimeProvider time) : ISyncService
{
    public async Task<SyncResult> SyncAsync(string workspaceId, SyncRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentNullException.ThrowIfNull(request);
        SyncTracing.Describe(workspaceId, request.DeviceId);
        var started = Stopwatch.GetTimestamp();
        var outcome = ErrorCodes.InternalError;
        try
        {
            rateLimiter.Admit(workspaceId, request.DeviceId);
            using (await locks.AcquireAsync(workspaceId, cancellationToken))
            {
                var document = await cache.GetAsync(workspaceId, cancellationToken);
                var result = await SyncLockedAsync(document, request, cancellationToken);
                outcome = "ok";
                return result;
            }
        }
        catch (AppException e)
        {
            outcome = e.Error.Code;
            metrics.Synced(e.Error.Code);
            throw;
        }
        finally
        {
            telemetry.SyncFinished(Stopwatch.GetElapsedTime(started), outcome);
        }
    }

    private async Task<SyncResult> SyncLockedAsync(WorkspaceDocument document, SyncRequest request, CancellationToken cancellationToken)
    {
        ApplyResult? applied;
        try
        {
            applied = Apply(document, request.Update);
        }
        catch (AppException e) when (e.Error is AppError.InvalidUpdate)
        {
            // Decoding failed before the document was touched: nothing to evict.
            throw;
        }
        catch
        {
            cache.Evict(document);
            throw;
        }

        try
        {
            CommitResult commit;
            using (var persist = SyncTracing.Start(SyncTracing.Persist))
            {
                commit = await CommitAsync(document, request, applied, cancellationToken);
                persist?.SetTag(SyncTracing.ClockTag, commit.Clock);
                persist?.SetTag(SyncTracing.ChangedTag, commit.Entry is not null);
            }

            if (commit.Entry is { } entry)
            {
                document.Appended(entry);
            }

            telemetry.SyncCommitted(document.WorkspaceId, request.DeviceId, commit.Entry is not null);
            byte[]? update;
            using (var diff = SyncTracing.Start(SyncTracing.Diff))
            {
                update = await AnswerAsync(document, request, commit, cancellationToken);
                diff?.SetTag(SyncTracing.BytesTag, update?.Length ?? 0);
            }

            metrics.Synced(applied is { Changed: false } ? "duplicate" : "ok");
            if (update is not null)
            {
                metrics.UpdateSent(update.Length);
            }

            var stateVector = StateVectorFor(document, request);
            document.Answered.Answered(request.DeviceId, commit.Clock);
            return new SyncResult(commit.Clock, update, stateVector);
        }
        catch
        {
            cache.Evict(document);
            throw;
        }
    }

    /// <summary>Merges the update and checks the rules; null when there was no update.</summary>
    private ApplyResult? Apply(WorkspaceDocument document, byte[]? update)
    {
        if (update is null)
        {
            return null;
        }

        metrics.UpdateReceived(update.Length);
        var hadPending = document.Doc.HasPending;
        ApplyResult applied;
        using (var merge = SyncTracing.Start(SyncTracing.Merge))
        {
            merge?.SetTag(SyncTracing.BytesTag, update.Length);
            try
            {
                applied = document.Doc.ApplyUpdate(update);
            }
            catch (UpdateDecodeException e)
            {
                merge?.SetStatus(ActivityStatusCode.Error, ErrorCodes.InvalidUpdate);
                throw new AppException(new AppError.InvalidUpdate($"The update is not a valid Yjs v1 update: {e.Message}"), e);
            }

            merge?.SetTag(SyncTracing.ChangedTag, applied.Changed);
        }

        if (!applied.Changed)
        {
            metrics.Duplicate();
            return applied;
        }

        if (document.Doc.HasPending && !hadPending)
        {
            metrics.Pending();
        }

        IReadOnlyDictionary<string, string[]> violations;
        using (var validate = SyncTracing.Start(SyncTracing.Validate))
        {
            violations = validator.Validate(document.Doc, applied, document.StoredBytes + update.Length);
            validate?.SetTag(SyncTracing.OutcomeTag, violations.Count == 0 ? "ok" : ErrorCodes.DomainRuleViolated);
        }

        if (violations.Count > 0)
        {
            throw new AppException(new AppError.DomainRuleViolated(
                "The update would break the workspace's rules; it was rejected whole and nothing was stored.", violations));
        }

        return applied;
    }

    private Task<CommitResult> CommitAsync(WorkspaceDocument document, SyncRequest request, ApplyResult? applied, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var commit = new WorkspaceCommit(document.WorkspaceId, request.DeviceId, at) { ObservedClock = request.Clock };
        if (applied is { Changed: true })
        {
            var rows = materializer.Materialize(document.Doc, applied, at);
            commit = commit with
            {
                // Logged as sent: the log replays to the same document, pending parts included.
                Update = request.Update,
                UpsertedTabs = rows.UpsertedTabs,
                DeletedTabIds = rows.DeletedTabIds,
                UpsertedWindows = rows.UpsertedWindows,
                DeletedWindowIds = rows.DeletedWindowIds,
            };
        }

        // Also without an update: the device's sync state (last clock, last sync) is recorded.
        return store.CommitAsync(commit, cancellationToken);
    }

    /// <summary>
    /// What the device lacks, by the most precise thing it told us (null when nothing): with a
    /// state vector the exact structs it lacks, with only the deletions logged after
    /// <c>since_clock</c> when that range is at hand (else the whole delete set); with
    /// <c>since_clock</c> alone the updates logged after it; with neither the full state.
    /// </summary>
    private async Task<byte[]?> AnswerAsync(WorkspaceDocument document, SyncRequest request, CommitResult commit, CancellationToken cancellationToken)
    {
        // The device has the entry this request just logged: it sent it.
        var own = commit.Entry?.Clock;
        var since = request.SinceClock is { } clock && clock <= commit.Clock ? clock : (long?)null;
        byte[] update;
        if (request.StateVector is { } stateVector)
        {
            update = since is not null && document.Recent.TryGetAfter(since.Value, own, out var recent)
                ? document.Doc.EncodeStateAsUpdate(stateVector, recent)
                : document.Doc.EncodeStateAsUpdate(stateVector);
        }
        else if (since is not null)
        {
            var entries = await LogAfterAsync(document, since.Value, own, cancellationToken);
            if (entries is null)
            {
                // Compaction folded part of what the device lacks into the snapshot.
                update = document.Doc.EncodeStateAsUpdate();
            }
            else if (entries.Count == 0)
            {
                return null;
            }
            else
            {
                update = YUpdate.Merge(entries);
            }
        }
        else
        {
            // No state vector and no clock, or a clock from the future (a server whose database
            // was replaced): only the full state is sure to be complete.
            update = document.Doc.EncodeStateAsUpdate();
        }

        return UpdateBytes.IsEmpty(update) ? null : update;
    }

    /// <summary>The updates logged after a clock (not <paramref name="own"/>), from memory or the log; null when compaction took some.</summary>
    private async Task<List<byte[]>?> LogAfterAsync(WorkspaceDocument document, long since, long? own, CancellationToken cancellationToken)
    {
        if (document.Recent.TryGetAfter(since, own, out var recent))
        {
            return recent;
        }

        var slice = await store.ReadLogAfterAsync(document.WorkspaceId, since, cancellationToken);
        return slice.IsComplete ? [.. slice.Entries.Where(e => e.Clock != own).Select(e => e.Update)] : null;
    }

    /// <summary>
    /// The server's state vector, unless the device is sure to hold exactly what the server holds
    /// once it applied the answer: it sent a state vector the server covers, or it is in step
    /// (its <c>since_clock</c> is the clock this server last answered it with).
    /// </summary>
    private static byte[]? StateVectorFor(WorkspaceDocument document, SyncRequest request)
    {
        var inStep = request.StateVector is { } stateVector
            ? Covers(document.Doc, stateVector)
            : document.Answered.IsInStep(request.DeviceId, request.SinceClock);
        return inStep ? null : document.Doc.EncodeStateVector();
    }

    /// <summary>Whether the document holds every clock the state vector names (so the device has nothing the server lacks).</summary>
    private static bool Covers(YDoc doc, byte[] stateVector)
    {
        foreach (var (client, clock) in Tanaka.Crdt.Updates.StateVector.Decode(stateVector).Clocks)
        {
            if (doc.GetState(client) < clock)
            {
                return false;
            }
        }

        return true;
    }
}
