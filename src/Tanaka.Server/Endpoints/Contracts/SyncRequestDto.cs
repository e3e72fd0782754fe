using System.Text.Json.Serialization;

namespace Tanaka.Server.Endpoints.Contracts;

/// <summary>The body of <c>POST /sync</c> (docs/PROTOCOL.md). Binary fields are base64.</summary>
/// <remarks>Numbers must be JSON numbers: the web defaults would also read "5", hiding client bugs.</remarks>
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed class SyncRequestDto
{
    /// <summary>Required: 1 to 64 characters of <c>A-Z a-z 0-9 . _ : -</c>.</summary>
    [JsonPropertyName("device_id")]
    public string? DeviceId { get; set; }

    /// <summary>The device's Lamport clock (integer &gt;= 0).</summary>
    [JsonPropertyName("clock")]
    public long? Clock { get; set; }

    /// <summary>The server clock the device last received.</summary>
    [JsonPropertyName("since_clock")]
    public long? SinceClock { get; set; }

    /// <summary>The device's Yjs state vector, base64.</summary>
    [JsonPropertyName("state_vector")]
    public string? StateVector { get; set; }

    /// <summary>A Yjs v1 update with the device's changes, base64.</summary>
    [JsonPropertyName("update")]
    public string? Update { get; set; }
}
