namespace Tanaka.Client.Protocol;

/// <summary>One row of <c>GET /devices</c>: the server clock the device last received and when it last synced.</summary>
public sealed record DeviceRecord(string DeviceId, long LastClock, DateTimeOffset LastSync);

/// <summary>Body of <c>GET /devices</c>.</summary>
public sealed record DeviceList(IReadOnlyList<DeviceRecord> Devices);
