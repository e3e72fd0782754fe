namespace Tanaka.Server.Config;

/// <summary>Limits on what clients may sync (section <c>sync</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "sync";

    [ConfigurationKeyName("max_update_bytes")]
    public int MaxUpdateBytes { get; set; } = 1024 * 1024;

    [ConfigurationKeyName("max_tabs")]
    public int MaxTabs { get; set; } = 5000;

    [ConfigurationKeyName("max_url_length")]
    public int MaxUrlLength { get; set; } = 8192;

    [ConfigurationKeyName("max_title_length")]
    public int MaxTitleLength { get; set; } = 2048;

    [ConfigurationKeyName("max_id_length")]
    public int MaxIdLength { get; set; } = 128;

    [ConfigurationKeyName("max_document_bytes")]
    public long MaxDocumentBytes { get; set; } = 16L * 1024 * 1024;

    [ConfigurationKeyName("rate_limit_requests")]
    public int RateLimitRequests { get; set; } = 600;

    [ConfigurationKeyName("rate_limit_window_seconds")]
    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>Extra CORS origins besides the browser-extension schemes.</summary>
    [ConfigurationKeyName("allowed_origins")]
    public string[] AllowedOrigins { get; set; } = [];
}
