namespace Tanaka.Server.Domain;

/// <summary>
/// A browser window as the workspace document's <c>windows</c> map holds it.
/// <see cref="OwnerDeviceId"/> is the document's <c>device_id</c> (the browser the window lives
/// in); <see cref="UpdatedAt"/> is when the server accepted the change, as windows carry no time of their own.
/// </summary>
public sealed record Window(
    string Id,
    bool Tracked,
    bool Focused,
    string? OwnerDeviceId,
    DateTimeOffset UpdatedAt);
