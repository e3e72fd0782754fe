using System.Text.Json.Serialization;

namespace Tanaka.Client.Protocol;

/// <summary>An <c>application/problem+json</c> error body as the server writes it.</summary>
public sealed record ProblemDocument
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    /// <summary>The stable machine-readable error code, e.g. <c>validation_failed</c>.</summary>
    public string? Code { get; init; }

    /// <summary>Written as <c>traceId</c> (ASP.NET Core's spelling), unlike the snake_case protocol fields.</summary>
    [JsonPropertyName("traceId")]
    public string? TraceId { get; init; }

    /// <summary>Per-field messages, when the error is about fields.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
