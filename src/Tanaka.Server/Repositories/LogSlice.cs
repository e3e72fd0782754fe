using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories;

/// <summary>
/// The log entries after a clock, in clock order. <see cref="IsComplete"/> is false when
/// compaction has folded part of the asked-for range into the snapshot (which covers up to
/// <see cref="SnapshotClock"/>, 0 when none): the entries are then not everything after the
/// clock, and the caller must send the full state instead.
/// </summary>
public sealed record LogSlice(IReadOnlyList<UpdateLogEntry> Entries, bool IsComplete, long SnapshotClock);
