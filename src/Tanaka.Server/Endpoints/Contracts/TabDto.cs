using System.Text.Json.Serialization;

namespace Tanaka.Server.Endpoints.Contracts;

/// <summary>One materialized tab: its fields in the document plus the log entry that last changed it (<c>clock</c>, <c>device_id</c>).</summary>
public sealed record TabDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("window_id")] string? WindowId,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("fav_icon_url")] string? FavIconUrl,
    [property: JsonPropertyName("index")] long? Index,
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("pinned")] bool Pinned,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("clock")] long Clock,
    [property: JsonPropertyName("device_id")] string DeviceId);

/// <summary>The answer of <c>GET /tabs</c>.</summary>
public sealed record TabsResponseDto([property: JsonPropertyName("tabs")] IReadOnlyList<TabDto> Tabs);
