using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories;

/// <summary>
/// A workspace document as stored: the snapshot (if compacted yet) and every log entry after
/// it, read together so a compaction in between can never open a gap.
/// </summary>
public sealed record StoredDocument(string WorkspaceId, DocumentSnapshot? Snapshot, IReadOnlyList<UpdateLogEntry> Log)
{
    /// <summary>The highest clock the document includes (0 for a workspace never written).</summary>
    public long Clock => Log.Count > 0 ? Log[^1].Clock : Snapshot?.Clock ?? 0;
}
