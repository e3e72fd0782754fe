using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories;

/// <summary>
/// Everything one accepted sync changes, written in one transaction: the log entry, the
/// materialized tab and window rows, and the device's sync state. <see cref="DeviceId"/> sent the
/// update and is stamped on every changed row; <see cref="At"/> is when the server accepted it
/// (kept to the millisecond).
/// </summary>
public sealed record WorkspaceCommit(string WorkspaceId, string DeviceId, DateTimeOffset At)
{
    /// <summary>The Yjs update to log, or null when the sync brought nothing new (no log entry, no clock tick).</summary>
    public byte[]? Update { get; init; }

    /// <summary>The device's Lamport clock; the entry is stamped max(server clock, this) + 1.</summary>
    public long ObservedClock { get; init; }

    public IReadOnlyList<Tab> UpsertedTabs { get; init; } = [];

    public IReadOnlyList<string> DeletedTabIds { get; init; } = [];

    public IReadOnlyList<Window> UpsertedWindows { get; init; } = [];

    public IReadOnlyList<string> DeletedWindowIds { get; init; } = [];

    public bool ChangesRows =>
        UpsertedTabs.Count > 0 || DeletedTabIds.Count > 0 || UpsertedWindows.Count > 0 || DeletedWindowIds.Count > 0;
}
