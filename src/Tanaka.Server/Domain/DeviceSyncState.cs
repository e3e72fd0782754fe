namespace Tanaka.Server.Domain;

/// <summary>Where one device of a workspace stands: the server clock it last received and when.</summary>
public sealed record DeviceSyncState(string DeviceId, long LastClock, DateTimeOffset LastSync);
