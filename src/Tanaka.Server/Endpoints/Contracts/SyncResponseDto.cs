using System.Text.Json.Serialization;

namespace Tanaka.Server.Endpoints.Contracts;

/// <summary>The answer of <c>POST /sync</c> (docs/PROTOCOL.md).</summary>
/// <param name="Clock">The server clock after this request; send it back as <c>since_clock</c>.</param>
/// <param name="Update">Base64 Yjs v1 update with what the device lacks; null when nothing.</param>
/// <param name="StateVector">The server document's Yjs state vector, base64.</param>
public sealed record SyncResponseDto(
    [property: JsonPropertyName("clock")] long Clock,
    [property: JsonPropertyName("update")] string? Update,
    [property: JsonPropertyName("state_vector")] string StateVector);
