using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories.Sqlite;

internal sealed class SqliteWorkspaceStore(SqliteDatabase database, LamportClock clock, ICommitProbe probe) : IWorkspaceStore
{
    private const string AppendEntry = """
        INSERT INTO update_log (clock, workspace_id, device_id, update_bytes, created_at)
        VALUES ($clock, $ws, $device, $update, $at)
        """;

    private const string UpsertTab = """
        INSERT INTO tabs (workspace_id, id, window_id, url, title, fav_icon_url, tab_index, active, pinned, updated_at, clock, device_id)
        VALUES ($ws, $id, $window, $url, $title, $icon, $index, $active, $pinned, $updated, $clock, $device)
        ON CONFLICT (workspace_id, id) DO UPDATE SET
            window_id = excluded.window_id, url = excluded.url, title = excluded.title,
            fav_icon_url = excluded.fav_icon_url, tab_index = excluded.tab_index, active = excluded.active,
            pinned = excluded.pinned, updated_at = excluded.updated_at, clock = excluded.clock,
            device_id = excluded.device_id
        """;

    private const string DeleteTab = "DELETE FROM tabs WHERE workspace_id = $ws AND id = $id";

    private const string UpsertWindow = """
        INSERT INTO windows (workspace_id, id, tracked, focused, owner_device_id, updated_at, clock, device_id)
        VALUES ($ws, $id, $tracked, $focused, $owner, $updated, $clock, $device)
        ON CONFLICT (workspace_id, id) DO UPDATE SET
            tracked = excluded.tracked, focused = excluded.focused, owner_device_id = excluded.owner_device_id,
            updated_at = excluded.updated_at, clock = excluded.clock, device_id = excluded.device_id
        """;

    private const string DeleteWindow = "DELETE FROM windows WHERE workspace_id = $ws AND id = $id";

    private const string UpsertSyncState = """
        INSERT INTO sync_state (workspace_id, device_id, last_clock, last_sync)
        VALUES ($ws, $device, $clock, $at)
        ON CONFLICT (workspace_id, device_id) DO UPDATE SET last_clock = excluded.last_clock, last_sync = excluded.last_sync
        """;

    private const string SelectSnapshot =
        "SELECT state, state_vector, clock, created_at FROM snapshots WHERE workspace_id = $ws";

    private const string SelectSnapshotClock = "SELECT clock FROM snapshots WHERE workspace_id = $ws";

    private const string SelectEntriesAfter = """
        SELECT clock, device_id, update_bytes, created_at FROM update_log
        WHERE workspace_id = $ws AND clock > $after
        ORDER BY clock
        """;

    private const string CountEntryWithClock =
        "SELECT count(*) FROM update_log WHERE workspace_id = $ws AND clock = $clock";

    private const string UpsertSnapshot = """
        INSERT INTO snapshots (workspace_id, state, state_vector, clock, created_at)
        VALUES ($ws, $state, $vector, $clock, $at)
        ON CONFLICT (workspace_id) DO UPDATE SET
            state = excluded.state, state_vector = excluded.state_vector, clock = excluded.clock, created_at = excluded.created_at
        """;

    private const string DeleteFoldedEntries = "DELETE FROM update_log WHERE workspace_id = $ws AND clock <= $clock";

    private const string SelectLogStats = """
        SELECT count(*), coalesce(sum(length(update_bytes)), 0), coalesce(max(clock), 0)
        FROM update_log WHERE workspace_id = $ws
        """;

    private const string SelectHighestClock = """
        SELECT max(
            (SELECT coalesce(max(clock), 0) FROM update_log),
            (SELECT coalesce(max(clock), 0) FROM snapshots),
            (SELECT coalesce(max(last_clock), 0) FROM sync_state))
        """;

    // Touched only under the write lock.
    private bool _clockLoaded;

    public Task<CommitResult> CommitAsync(WorkspaceCommit commit, CancellationToken cancellationToken = default)
    {
        Validate(commit);
        return database.WriteAsync((Store: this, Commit: commit), static (session, state) => state.Store.Commit(session, state.Commit), cancellationToken);
    }

    public Task<StoredDocument> LoadAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        return database.ReadAsync(workspaceId, static (session, ws) => session.InTransaction(s =>
        {
            var snapshot = ReadSnapshot(s, ws);
            return new StoredDocument(ws, snapshot, ReadEntriesAfter(s, ws, snapshot?.Clock ?? 0));
        }), cancellationToken);
    }

    public Task<LogSlice> ReadLogAfterAsync(string workspaceId, long afterClock, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterClock);
        return database.ReadAsync((workspaceId, afterClock), static (session, state) => session.InTransaction(s =>
        {
            var snapshotClock = s.Statement(SelectSnapshotClock).Bind("$ws", state.workspaceId).ScalarInt64();
            var entries = ReadEntriesAfter(s, state.workspaceId, state.afterClock);
            return new LogSlice(entries, state.afterClock >= snapshotClock, snapshotClock);
        }), cancellationToken);
    }

    public Task<CompactionResult> CompactAsync(DocumentSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrEmpty(snapshot.WorkspaceId);
        ArgumentNullException.ThrowIfNull(snapshot.State);
        ArgumentNullException.ThrowIfNull(snapshot.StateVector);
        return database.WriteAsync(snapshot, static (session, snapshot) => session.InTransaction(s =>
        {
            var stored = s.Statement(SelectSnapshotClock).Bind("$ws", snapshot.WorkspaceId).ExecuteScalar();
            var storedClock = stored is long value ? value : (long?)null;
            if (snapshot.Clock < storedClock)
            {
                return new CompactionResult(false, 0);
            }

            // A covered clock must be one a load could have returned; any other value could delete
            // entries the snapshot never saw.
            if (snapshot.Clock != storedClock
                && s.Statement(CountEntryWithClock).Bind("$ws", snapshot.WorkspaceId).Bind("$clock", snapshot.Clock).ScalarInt64() == 0)
            {
                throw new InvalidOperationException(
                    $"Clock {snapshot.Clock} is not in the log of workspace '{snapshot.WorkspaceId}'; compact up to the clock of a load.");
            }

            s.Statement(UpsertSnapshot)
                .Bind("$ws", snapshot.WorkspaceId)
                .Bind("$state", snapshot.State)
                .Bind("$vector", snapshot.StateVector)
                .Bind("$clock", snapshot.Clock)
                .Bind("$at", snapshot.CreatedAt)
                .ExecuteNonQuery();
            var deleted = s.Statement(DeleteFoldedEntries).Bind("$ws", snapshot.WorkspaceId).Bind("$clock", snapshot.Clock).ExecuteNonQuery();
            return new CompactionResult(true, deleted);
        }), cancellationToken);
    }

    public Task<LogStats> GetLogStatsAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        return database.ReadAsync(workspaceId, static (session, ws) => session.InTransaction(s =>
        {
            var snapshotClock = s.Statement(SelectSnapshotClock).Bind("$ws", ws).ScalarInt64();
            using var reader = s.Statement(SelectLogStats).Bind("$ws", ws).ExecuteReader();
            reader.Read();
            var highest = Math.Max(reader.GetInt64(2), snapshotClock);
            return new LogStats(reader.GetInt32(0), reader.GetInt64(1), snapshotClock, highest);
        }), cancellationToken);
    }

    public Task<long> GetHighestClockAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(0, static (session, _) => session.Statement(SelectHighestClock).ScalarInt64(), cancellationToken);

    private CommitResult Commit(SqliteSession session, WorkspaceCommit commit)
    {
        if (!_clockLoaded)
        {
            clock.Observe(session.Statement(SelectHighestClock).ScalarInt64());
            _clockLoaded = true;
        }

        // Stamped from a preview and published only after COMMIT: a failed write hands out no clock.
        var stamp = commit.Update is null ? clock.Current : clock.Preview(commit.ObservedClock);
        var entry = session.InTransaction(s => Write(s, commit, stamp));
        if (entry is not null)
        {
            clock.Observe(stamp);
        }

        return new CommitResult(stamp, entry);
    }

    private UpdateLogEntry? Write(SqliteSession s, WorkspaceCommit commit, long stamp)
    {
        var ws = commit.WorkspaceId;
        s.Statement(SqliteWorkspaceRepository.Ensure).Bind("$id", ws).Bind("$at", commit.At).ExecuteNonQuery();

        UpdateLogEntry? entry = null;
        if (commit.Update is { } update)
        {
            s.Statement(AppendEntry)
                .Bind("$clock", stamp)
                .Bind("$ws", ws)
                .Bind("$device", commit.DeviceId)
                .Bind("$update", update)
                .Bind("$at", commit.At)
                .ExecuteNonQuery();
            entry = new UpdateLogEntry(ws, stamp, commit.DeviceId, update, StoredTime.Of(commit.At));
        }

        probe.Reached(CommitStep.LogAppended);

        foreach (var tab in commit.UpsertedTabs)
        {
            s.Statement(UpsertTab)
                .Bind("$ws", ws)
                .Bind("$id", tab.Id)
                .Bind("$window", tab.WindowId)
                .Bind("$url", tab.Url)
                .Bind("$title", tab.Title)
                .Bind("$icon", tab.FavIconUrl)
                .Bind("$index", tab.Index)
                .Bind("$active", tab.Active)
                .Bind("$pinned", tab.Pinned)
                .Bind("$updated", tab.UpdatedAt)
                .Bind("$clock", stamp)
                .Bind("$device", commit.DeviceId)
                .ExecuteNonQuery();
        }

        foreach (var id in commit.DeletedTabIds)
        {
            s.Statement(DeleteTab).Bind("$ws", ws).Bind("$id", id).ExecuteNonQuery();
        }

        probe.Reached(CommitStep.TabsWritten);

        foreach (var window in commit.UpsertedWindows)
        {
            s.Statement(UpsertWindow)
                .Bind("$ws", ws)
                .Bind("$id", window.Id)
                .Bind("$tracked", window.Tracked)
                .Bind("$focused", window.Focused)
                .Bind("$owner", window.OwnerDeviceId)
                .Bind("$updated", window.UpdatedAt)
                .Bind("$clock", stamp)
                .Bind("$device", commit.DeviceId)
                .ExecuteNonQuery();
        }

        foreach (var id in commit.DeletedWindowIds)
        {
            s.Statement(DeleteWindow).Bind("$ws", ws).Bind("$id", id).ExecuteNonQuery();
        }

        probe.Reached(CommitStep.WindowsWritten);

        s.Statement(UpsertSyncState)
            .Bind("$ws", ws)
            .Bind("$device", commit.DeviceId)
            .Bind("$clock", stamp)
            .Bind("$at", commit.At)
            .ExecuteNonQuery();
        probe.Reached(CommitStep.SyncStateWritten);
        return entry;
    }

    private static DocumentSnapshot? ReadSnapshot(SqliteSession s, string ws)
    {
        using var reader = s.Statement(SelectSnapshot).Bind("$ws", ws).ExecuteReader();
        return reader.Read()
            ? new DocumentSnapshot(ws, reader.GetBytes(0), reader.GetBytes(1), reader.GetInt64(2), reader.GetTimestamp(3))
            : null;
    }

    private static List<UpdateLogEntry> ReadEntriesAfter(SqliteSession s, string ws, long afterClock)
    {
        using var reader = s.Statement(SelectEntriesAfter).Bind("$ws", ws).Bind("$after", afterClock).ExecuteReader();
        var entries = new List<UpdateLogEntry>();
        while (reader.Read())
        {
            entries.Add(new UpdateLogEntry(ws, reader.GetInt64(0), reader.GetString(1), reader.GetBytes(2), reader.GetTimestamp(3)));
        }

        return entries;
    }

    private static void Validate(WorkspaceCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentException.ThrowIfNullOrEmpty(commit.WorkspaceId);
        ArgumentException.ThrowIfNullOrEmpty(commit.DeviceId);
        ArgumentOutOfRangeException.ThrowIfNegative(commit.ObservedClock);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(commit.ObservedClock, LamportClock.MaxValue);
        if (commit.Update is null && commit.ChangesRows)
        {
            throw new ArgumentException("Rows change only with the update that changed them; this commit has none.", nameof(commit));
        }

        RejectOverlap(commit.UpsertedTabs.Select(t => t.Id), commit.DeletedTabIds, "tab");
        RejectOverlap(commit.UpsertedWindows.Select(w => w.Id), commit.DeletedWindowIds, "window");
    }

    private static void RejectOverlap(IEnumerable<string> upserted, IReadOnlyList<string> deleted, string kind)
    {
        if (deleted.Count == 0)
        {
            return;
        }

        var both = upserted.Intersect(deleted, StringComparer.Ordinal).FirstOrDefault();
        if (both is not null)
        {
            throw new ArgumentException($"The {kind} '{both}' is both upserted and deleted in one commit.", "commit");
        }
    }
}
