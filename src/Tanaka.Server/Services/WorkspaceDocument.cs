using Tanaka.Crdt;
using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;

namespace Tanaka.Server.Services;

/// <summary>
/// A workspace's Yjs document in memory, exactly as storage holds it: the snapshot with every
/// log entry up to <see cref="Clock"/> applied. Not thread-safe: use it only under the
/// workspace's lock (<see cref="WorkspaceLocks"/>).
/// </summary>
public sealed class WorkspaceDocument
{
    private WorkspaceDocument(string workspaceId, YDoc doc, long clock, long storedBytes, RecentLog recent)
    {
        WorkspaceId = workspaceId;
        Doc = doc;
        Clock = clock;
        StoredBytes = storedBytes;
        Recent = recent;
    }

    public string WorkspaceId { get; }

    public YDoc Doc { get; }

    /// <summary>The clock of the newest log entry (or snapshot) the document includes; 0 when never written.</summary>
    public long Clock { get; private set; }

    /// <summary>
    /// Bytes of snapshot plus log behind the document: an upper bound of its encoded size (merging
    /// only ever shrinks updates), so the size limit needs an exact measure only near the limit.
    /// </summary>
    public long StoredBytes { get; private set; }

    /// <summary>The newest log entries, to answer from without reading the log.</summary>
    public RecentLog Recent { get; }

    /// <summary>The clock each device was last answered with.</summary>
    public AnsweredClocks Answered { get; } = new();

    /// <summary>Rebuilds the document from its snapshot and log, in clock order.</summary>
    /// <exception cref="InvalidDataException">A stored update cannot be decoded (the database is damaged).</exception>
    public static WorkspaceDocument Load(StoredDocument stored, CrdtLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stored);
        // The server never edits, so its client id never appears in an update; gc keeps deleted
        // content out of memory and out of snapshots, as a Yjs server does.
        var doc = new YDoc(limits: limits);
        long bytes = 0;
        var recent = new RecentLog(stored.Snapshot?.Clock ?? 0);
        if (stored.Snapshot is { } snapshot)
        {
            Replay(doc, stored.WorkspaceId, snapshot.State, snapshot.Clock, "snapshot");
            bytes += snapshot.State.Length;
        }

        foreach (var entry in stored.Log)
        {
            Replay(doc, stored.WorkspaceId, entry.Update, entry.Clock, "log entry");
            bytes += entry.Update.Length;
            recent.Append(entry);
        }

        return new WorkspaceDocument(stored.WorkspaceId, doc, stored.Clock, bytes, recent);
    }

    /// <summary>Records that <paramref name="entry"/>, already applied to <see cref="Doc"/>, is now stored.</summary>
    public void Appended(UpdateLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Clock = entry.Clock;
        StoredBytes += entry.Update.Length;
        Recent.Append(entry);
    }

    /// <summary>Records that the log up to <see cref="Clock"/> was folded into a snapshot of <paramref name="snapshotBytes"/>.</summary>
    public void Compacted(long snapshotBytes) => StoredBytes = snapshotBytes;

    private static void Replay(YDoc doc, string workspaceId, byte[] update, long clock, string what)
    {
        try
        {
            doc.ApplyUpdate(update);
        }
        catch (UpdateDecodeException e)
        {
            throw new InvalidDataException($"The stored {what} at clock {clock} of workspace '{workspaceId}' cannot be decoded: {e.Message}", e);
        }
    }
}
