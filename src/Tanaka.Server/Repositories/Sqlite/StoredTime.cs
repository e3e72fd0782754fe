namespace Tanaka.Server.Repositories.Sqlite;

/// <summary>Times are stored as Unix milliseconds; values handed back after a write are cut the same way so they equal what a read returns.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Of(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
