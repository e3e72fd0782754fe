namespace Tanaka.Server.Config;

/// <summary>HTTPS from PEM files (section <c>tls</c>).</summary>
public sealed class TlsOptions
{
    public const string Section = "tls";

    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    [ConfigurationKeyName("cert_path")]
    public string? CertPath { get; set; }

    [ConfigurationKeyName("key_path")]
    public string? KeyPath { get; set; }

    [ConfigurationKeyName("redirect_http")]
    public bool RedirectHttp { get; set; }

    /// <summary>Plain HTTP port that only redirects to HTTPS; null means no HTTP listener.</summary>
    [ConfigurationKeyName("http_port")]
    public int? HttpPort { get; set; }

    [ConfigurationKeyName("hsts")]
    public bool Hsts { get; set; }
}
