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

            return new SyncResult(commit.Clock, update, document.Doc.EncodeStateVector());
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

    /// <summary>What the device lacks, by the most precise thing it told us; null when nothing.</summary>
    private async Task<byte[]?> AnswerAsync(WorkspaceDocument document, SyncRequest request, CommitResult commit, CancellationToken cancellationToken)
    {
        byte[] update;
        if (request.StateVector is { } stateVector)
        {
            update = document.Doc.EncodeStateAsUpdate(stateVector);
        }
        else if (request.SinceClock is { } since && since <= commit.Clock)
        {
            var slice = await store.ReadLogAfterAsync(document.WorkspaceId, since, cancellationToken);
            if (!slice.IsComplete)
            {
                // Compaction folded part of what the device lacks into the snapshot.
                update = document.Doc.EncodeStateAsUpdate();
            }
            else
            {
                // The device has the entry this request just logged: it sent it.
                var entries = slice.Entries.Where(e => e.Clock != commit.Entry?.Clock).Select(e => e.Update).ToList();
                if (entries.Count == 0)
                {
                    return null;
                }

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
}
