namespace Tanaka.Client.Protocol;

/// <summary>
/// One row of <c>GET /tabs</c>: the tab's fields as the server materialized them, plus the
/// server clock and the device of the sync that last changed it.
/// </summary>
public sealed record TabRecord(
    string Id,
    string? WindowId,
    string? Url,
    string? Title,
    string? FavIconUrl,
    long? Index,
    bool Active,
    bool Pinned,
    DateTimeOffset UpdatedAt,
    long Clock,
    string DeviceId);

/// <summary>Body of <c>GET /tabs</c>.</summary>
public sealed record TabList(IReadOnlyList<TabRecord> Tabs);
