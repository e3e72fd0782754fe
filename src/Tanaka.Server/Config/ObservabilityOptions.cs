namespace Tanaka.Server.Config;

/// <summary>Logs, metrics and API docs (section <c>observability</c>).</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "observability";

    public const string TextLogFormat = "text";
    public const string JsonLogFormat = "json";

    internal static readonly string[] LogLevels = ["trace", "debug", "information", "warning", "error", "critical", "none"];

    [ConfigurationKeyName("metrics_enabled")]
    public bool MetricsEnabled { get; set; } = true;

    /// <summary>When false, /metrics needs a valid token like every other endpoint.</summary>
    [ConfigurationKeyName("metrics_public")]
    public bool MetricsPublic { get; set; } = true;

    [ConfigurationKeyName("openapi_enabled")]
    public bool OpenApiEnabled { get; set; } = true;

    [ConfigurationKeyName("docs_enabled")]
    public bool DocsEnabled { get; set; } = true;

    /// <summary>"text" or "json".</summary>
    [ConfigurationKeyName("log_format")]
    public string LogFormat { get; set; } = TextLogFormat;

    /// <summary>Minimum level of the server's own logs: trace, debug, information, warning, error, critical or none.</summary>
    [ConfigurationKeyName("log_level")]
    public string LogLevel { get; set; } = "information";

    [ConfigurationKeyName("otlp_endpoint")]
    public string? OtlpEndpoint { get; set; }
}
