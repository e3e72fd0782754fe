namespace Tanaka.Server.Config;

/// <summary>Where the server listens and where it keeps its files (section <c>server</c>).</summary>
public sealed class ServerOptions
{
    public const string Section = "server";

    /// <summary>Loopback by default: the extension looks at 127.0.0.1:3000 and nothing else should reach it unless asked.</summary>
    [ConfigurationKeyName("host")]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 lets the OS pick a free port (used by tests).</summary>
    [ConfigurationKeyName("port")]
    public int Port { get; set; } = 3000;

    [ConfigurationKeyName("data_dir")]
    public string DataDir { get; set; } = "data";

    [ConfigurationKeyName("request_timeout_seconds")]
    public int RequestTimeoutSeconds { get; set; } = 30;

    [ConfigurationKeyName("max_request_body_bytes")]
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Reverse proxies (IP addresses or CIDR networks such as 10.0.0.0/8) whose X-Forwarded-For and
    /// X-Forwarded-Proto headers are believed. Empty: the headers are ignored, since anyone could send them.
    /// </summary>
    [ConfigurationKeyName("trusted_proxies")]
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>The data directory as an absolute path (relative paths are taken from the working directory).</summary>
    public string ResolveDataDir() => Path.GetFullPath(DataDir);
}
