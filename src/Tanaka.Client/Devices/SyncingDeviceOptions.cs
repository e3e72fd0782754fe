namespace Tanaka.Client.Devices;

public sealed record SyncingDeviceOptions
{
    /// <summary>The Yjs client id of the device's document; random when null.</summary>
    public ulong? ClientId { get; init; }

    /// <summary>How many times one sync waits out a 429 (for its <c>Retry-After</c>) before giving up.</summary>
    public int MaxRateLimitRetries { get; init; } = 3;

    /// <summary>The wait after a 429 that carries no <c>Retry-After</c>.</summary>
    public TimeSpan DefaultRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A longer <c>Retry-After</c> fails the sync instead of stalling it.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>When requests carry the document's state vector (see <see cref="Devices.StateVectorPolicy"/>).</summary>
    public StateVectorPolicy StateVector { get; init; } = StateVectorPolicy.WhenNeeded;

    /// <summary>Waits between retries and stamps <c>updated_at</c>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
