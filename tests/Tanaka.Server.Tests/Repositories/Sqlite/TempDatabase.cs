using Tanaka.Server.Config;
using Tanaka.Server.Repositories.Sqlite;

namespace Tanaka.Server.Tests.Repositories.Sqlite;

/// <summary>A bare <see cref="SqliteDatabase"/> on a temp file, for tests below the repositories.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase(Func<string, SqliteSettings>? settings = null)
    {
        DataDir = SqliteStorageHarness.NewDataDir();
        var path = Path.Combine(DataDir, DatabaseOptions.DefaultFileName);
        Database = new SqliteDatabase(settings?.Invoke(path) ?? new SqliteSettings(path));
        Migrator = new SqliteSchemaMigrator(Database, TimeProvider.System);
    }

    public string DataDir { get; }

    public SqliteDatabase Database { get; }

    public SqliteSchemaMigrator Migrator { get; }

    public Task<T> WriteAsync<T>(Func<SqliteSession, T> work) =>
        Database.WriteAsync(work, static (session, work) => work(session), TestContext.Current.CancellationToken);

    public Task<T> ReadAsync<T>(Func<SqliteSession, T> work) =>
        Database.ReadAsync(work, static (session, work) => work(session), TestContext.Current.CancellationToken);

    /// <summary>Every table and index with its SQL, to compare schemas reached by different paths.</summary>
    public Task<List<string>> SchemaAsync() => ReadAsync(session =>
    {
        using var command = session.Connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    });

    public void Dispose()
    {
        Database.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
