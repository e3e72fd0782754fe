using System.Text.Json.Serialization;

namespace Tanaka.Server.Endpoints.Contracts;

/// <summary>
/// One materialized window. <c>owner_device_id</c> is the document's <c>device_id</c> field (the
/// browser the window lives in); <c>device_id</c> is the device whose sync last changed it.
/// </summary>
public sealed record WindowDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("tracked")] bool Tracked,
    [property: JsonPropertyName("focused")] bool Focused,
    [property: JsonPropertyName("owner_device_id")] string? OwnerDeviceId,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("clock")] long Clock,
    [property: JsonPropertyName("device_id")] string DeviceId);

/// <summary>The answer of <c>GET /windows</c>.</summary>
public sealed record WindowsResponseDto([property: JsonPropertyName("windows")] IReadOnlyList<WindowDto> Windows);
