namespace Tanaka.Server.Repositories;

/// <summary>
/// How much log a workspace carries beyond its snapshot; compaction decides from this.
/// <see cref="HighestClock"/> is the workspace's highest clock in the log or the snapshot (0 when never written).
/// </summary>
public sealed record LogStats(int Entries, long Bytes, long SnapshotClock, long HighestClock);
