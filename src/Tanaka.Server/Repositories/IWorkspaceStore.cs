using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories;

/// <summary>
/// The workspace document's storage: update log, snapshot and the materialized rows that must
/// move in step with them. Every write here is one transaction; clocks are stamped inside it.
/// </summary>
public interface IWorkspaceStore
{
    /// <summary>
    /// Appends the update (if any) stamped with the next Lamport clock, applies the row changes and
    /// upserts the device's sync state, all or nothing. Creates the workspace on first write.
    /// Commits are serialized, so clocks become visible to readers in increasing order.
    /// </summary>
    Task<CommitResult> CommitAsync(WorkspaceCommit commit, CancellationToken cancellationToken = default);

    /// <summary>The snapshot and the log after it, read consistently; what a cache loads a document from.</summary>
    Task<StoredDocument> LoadAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Log entries with a clock greater than <paramref name="afterClock"/>: one range scan.</summary>
    Task<LogSlice> ReadLogAfterAsync(string workspaceId, long afterClock, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the snapshot and deletes the log entries it covers (clock &lt;= snapshot clock), in
    /// one transaction. The caller builds the snapshot from a <see cref="LoadAsync"/> and passes the
    /// clock it covered, which must be that load's <see cref="StoredDocument.Clock"/>: entries
    /// appended after the load have higher clocks and survive. A snapshot older than the stored one
    /// is refused (<see cref="CompactionResult.Applied"/> false).
    /// </summary>
    Task<CompactionResult> CompactAsync(DocumentSnapshot snapshot, CancellationToken cancellationToken = default);

    Task<LogStats> GetLogStatsAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>The highest clock any workspace holds or any device was told: where the Lamport clock resumes.</summary>
    Task<long> GetHighestClockAsync(CancellationToken cancellationToken = default);
}
