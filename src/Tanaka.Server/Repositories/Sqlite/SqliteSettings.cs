using Tanaka.Server.Config;

namespace Tanaka.Server.Repositories.Sqlite;

/// <summary>The resolved file path and tuning of one SQLite database.</summary>
internal sealed record SqliteSettings(
    string Path,
    int BusyTimeoutMs = 5000,
    int CacheSizeKib = 16384,
    int ReaderConnections = 4,
    string Synchronous = "normal",
    long MmapSizeBytes = 268435456)
{
    public static SqliteSettings From(DatabaseOptions database, ServerOptions server) => new(
        database.ResolvePath(server),
        database.BusyTimeoutMs,
        database.CacheSizeKib,
        database.ReaderConnections,
        database.Synchronous,
        database.MmapSizeBytes);

    /// <summary>The <c>PRAGMA synchronous</c> keyword; only known words reach SQL.</summary>
    public string SynchronousKeyword => Synchronous.ToLowerInvariant() switch
    {
        "off" => "OFF",
        "normal" => "NORMAL",
        "full" => "FULL",
        "extra" => "EXTRA",
        _ => throw new ArgumentException($"database.synchronous must be off, normal, full or extra, not '{Synchronous}'."),
    };
}
