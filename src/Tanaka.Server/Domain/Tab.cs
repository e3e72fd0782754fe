namespace Tanaka.Server.Domain;

/// <summary>
/// A tab as the workspace document's <c>tabs</c> map holds it. <see cref="UpdatedAt"/> is the
/// tab's own <c>updated_at</c> when the document has one, else when the server accepted the change.
/// </summary>
public sealed record Tab(
    string Id,
    string? WindowId,
    string? Url,
    string? Title,
    string? FavIconUrl,
    long? Index,
    bool Active,
    bool Pinned,
    DateTimeOffset UpdatedAt);
