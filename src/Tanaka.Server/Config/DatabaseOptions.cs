namespace Tanaka.Server.Config;

/// <summary>SQLite file and pragmas (section <c>database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "database";

    public const string DefaultFileName = "tanaka.db";

    /// <summary>Empty means <c>&lt;data_dir&gt;/tanaka.db</c>.</summary>
    [ConfigurationKeyName("path")]
    public string Path { get; set; } = "";

    [ConfigurationKeyName("busy_timeout_ms")]
    public int BusyTimeoutMs { get; set; } = 5000;

    [ConfigurationKeyName("cache_size_kib")]
    public int CacheSizeKib { get; set; } = 16384;

    [ConfigurationKeyName("reader_connections")]
    public int ReaderConnections { get; set; } = 4;

    /// <summary>SQLite <c>PRAGMA synchronous</c>: off, normal, full or extra.</summary>
    [ConfigurationKeyName("synchronous")]
    public string Synchronous { get; set; } = "normal";

    [ConfigurationKeyName("mmap_size_bytes")]
    public long MmapSizeBytes { get; set; } = 268435456;

    /// <summary>The absolute path of the SQLite file: <see cref="Path"/> if set, else <c>tanaka.db</c> in the data directory.</summary>
    public string ResolvePath(ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return string.IsNullOrWhiteSpace(Path)
            ? System.IO.Path.Combine(server.ResolveDataDir(), DefaultFileName)
            : System.IO.Path.GetFullPath(Path);
    }
}
