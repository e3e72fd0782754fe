using System.Text.Json.Serialization;

namespace Tanaka.Server.Endpoints.Contracts;

/// <summary>
/// Source-generated JSON for the sync and tab contracts (no reflection on the hot path). Names
/// come from each property's [JsonPropertyName]; serializer settings are the HTTP defaults.
/// </summary>
[JsonSerializable(typeof(SyncRequestDto))]
[JsonSerializable(typeof(SyncResponseDto))]
[JsonSerializable(typeof(TabsResponseDto))]
[JsonSerializable(typeof(WindowsResponseDto))]
[JsonSerializable(typeof(DevicesResponseDto))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
