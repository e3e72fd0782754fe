namespace Tanaka.Server.Services;

/// <summary>
/// One device's sync, already checked for shape: <see cref="Update"/> and
/// <see cref="StateVector"/> are decoded bytes (not yet checked as Yjs), clocks are in range.
/// </summary>
public sealed record SyncRequest(string DeviceId)
{
    /// <summary>The device's Lamport clock; the server stamps the update with max(server, this) + 1.</summary>
    public long Clock { get; init; }

    /// <summary>The server clock the device last received; the answer holds what was recorded after it.</summary>
    public long? SinceClock { get; init; }

    /// <summary>The device's Yjs state vector; when present the answer is the exact diff against it.</summary>
    public byte[]? StateVector { get; init; }

    /// <summary>A Yjs v1 update with the device's changes.</summary>
    public byte[]? Update { get; init; }
}
