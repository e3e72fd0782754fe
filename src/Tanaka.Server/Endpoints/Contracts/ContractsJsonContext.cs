using System.Text.Json.Serialization;

namespace Tanaka.Server.Endpoints.Contracts;

/// <summary>Source-generated JSON for the sync and tab contracts (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(SyncRequestDto))]
[JsonSerializable(typeof(SyncResponseDto))]
[JsonSerializable(typeof(TabsResponseDto))]
[JsonSerializable(typeof(WindowsResponseDto))]
[JsonSerializable(typeof(DevicesResponseDto))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
