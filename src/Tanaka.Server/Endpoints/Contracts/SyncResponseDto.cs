using System.Text.Json.Serialization;

namespace Tanaka.Server.Endpoints.Contracts;

/// <summary>The answer of <c>POST /sync</c> (docs/PROTOCOL.md).</summary>
/// <param name="Clock">The server clock after this request; send it back as <c>since_clock</c>.</param>
/// <param name="Update">Base64 Yjs v1 update with what the device lacks; null when nothing.</param>
/// <param name="StateVector">
/// The server document's Yjs state vector, base64. Left out when the device is sure to hold exactly what
/// the server holds once it applied <c>update</c>; when present and the device's own state vector
/// differs, send <c>state_vector</c> on the next sync.
/// </param>
public sealed record SyncResponseDto(
    [property: JsonPropertyName("clock")] long Clock,
    [property: JsonPropertyName("update")] byte[]? Update,
    [property: JsonPropertyName("state_vector"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] byte[]? StateVector = null);
