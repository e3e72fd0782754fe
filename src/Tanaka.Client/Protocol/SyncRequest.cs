namespace Tanaka.Client.Protocol;

/// <summary>
/// Body of <c>POST /sync</c>. Every field but <see cref="DeviceId"/> is optional; byte arrays
/// travel as base64 and absent values are left out of the JSON.
/// </summary>
public sealed record SyncRequest
{
    /// <summary><c>device_id</c>: 1 to 64 characters of <c>A-Z a-z 0-9 . _ : -</c>.</summary>
    public required string DeviceId { get; init; }

    /// <summary><c>clock</c>: the device's Lamport clock.</summary>
    public long? Clock { get; init; }

    /// <summary><c>since_clock</c>: the server clock the device last received.</summary>
    public long? SinceClock { get; init; }

    /// <summary><c>state_vector</c>: the device's Yjs state vector, so the server answers with an exact diff.</summary>
    public byte[]? StateVector { get; init; }

    /// <summary><c>update</c>: a Yjs v1 update with the device's changes.</summary>
    public byte[]? Update { get; init; }
}
