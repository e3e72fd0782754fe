namespace Tanaka.Client.Devices;

/// <summary>One tab as the workspace document holds it. <see cref="UpdatedAt"/> is kept to the millisecond.</summary>
public sealed record TabState(
    string Id,
    string WindowId,
    string Url,
    string Title,
    int Index,
    bool Active = false,
    bool Pinned = false,
    string? FavIconUrl = null,
    DateTimeOffset UpdatedAt = default);
