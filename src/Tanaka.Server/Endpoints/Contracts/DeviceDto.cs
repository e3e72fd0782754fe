using System.Text.Json.Serialization;

namespace Tanaka.Server.Endpoints.Contracts;

/// <summary>Where one device stands: the server clock it last received and when it last synced.</summary>
public sealed record DeviceDto(
    [property: JsonPropertyName("device_id")] string DeviceId,
    [property: JsonPropertyName("last_clock")] long LastClock,
    [property: JsonPropertyName("last_sync")] DateTimeOffset LastSync);

/// <summary>The answer of <c>GET /devices</c>.</summary>
public sealed record DevicesResponseDto([property: JsonPropertyName("devices")] IReadOnlyList<DeviceDto> Devices);
