namespace Tanaka.Client.Protocol;

/// <summary>
/// One row of <c>GET /windows</c>. <see cref="OwnerDeviceId"/> is the browser the window lives in
/// (the document's <c>device_id</c>); <see cref="DeviceId"/> is the device whose sync last changed it.
/// </summary>
public sealed record WindowRecord(
    string Id,
    bool Tracked,
    bool Focused,
    string? OwnerDeviceId,
    DateTimeOffset UpdatedAt,
    long Clock,
    string DeviceId);

/// <summary>Body of <c>GET /windows</c>.</summary>
public sealed record WindowList(IReadOnlyList<WindowRecord> Windows);
