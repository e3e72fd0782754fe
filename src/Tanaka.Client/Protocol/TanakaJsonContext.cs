using System.Text.Json.Serialization;

namespace Tanaka.Client.Protocol;

/// <summary>
/// Source-generated serializers for every body the client sends or reads: no reflection on
/// the sync path, and the wire names (snake_case, nulls left out) fixed in one place.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(SyncRequest))]
[JsonSerializable(typeof(SyncResponse))]
[JsonSerializable(typeof(TabList))]
[JsonSerializable(typeof(WindowList))]
[JsonSerializable(typeof(DeviceList))]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(ProblemDocument))]
public sealed partial class TanakaJsonContext : JsonSerializerContext;
