using Tanaka.Server.Repositories.Sqlite.Migrations;

namespace Tanaka.Server.Repositories.Sqlite;

/// <summary>Applies <see cref="SqliteMigrations.All"/> on the writer connection and records each in <c>schema_migrations</c>.</summary>
internal sealed class SqliteSchemaMigrator(SqliteDatabase database, TimeProvider time) : ISchemaMigrator
{
    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER NOT NULL PRIMARY KEY,
            name        TEXT    NOT NULL,
            applied_at  INTEGER NOT NULL
        );
        """;

    private const string HistoryExists =
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";

    private const string CurrentVersion = "SELECT max(version) FROM schema_migrations";

    private const string Record = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at)";

    public int LatestVersion => SqliteMigrations.Latest;

    public Task<SchemaStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(0, static (session, _) => session.InTransaction(static s =>
        {
            var hasHistory = s.Statement(HistoryExists).ScalarInt64() > 0;
            var version = hasHistory ? s.Statement(CurrentVersion).ScalarInt64() : 0;
            return new SchemaStatus((int)version, SqliteMigrations.Latest);
        }), cancellationToken);

    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateToAsync(SqliteMigrations.Latest, cancellationToken);

    /// <summary>Migrates up to <paramref name="targetVersion"/> only; tests use it to build databases of earlier versions.</summary>
    internal Task<MigrationReport> MigrateToAsync(int targetVersion, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, SqliteMigrations.Latest);
        return database.WriteAsync((targetVersion, database.Path, time), static (session, state) =>
        {
            session.ExecuteScript(CreateHistory);
            var from = (int)session.Statement(CurrentVersion).ScalarInt64();
            if (from > SqliteMigrations.Latest)
            {
                throw new SchemaTooNewException(state.Path, from, SqliteMigrations.Latest);
            }

            var applied = new List<string>();
            var to = from;
            foreach (var migration in SqliteMigrations.All)
            {
                if (migration.Version <= from || migration.Version > state.targetVersion)
                {
                    continue;
                }

                session.InTransaction(s =>
                {
                    s.ExecuteScript(migration.Sql);
                    s.Statement(Record)
                        .Bind("$version", migration.Version)
                        .Bind("$name", migration.Name)
                        .Bind("$at", state.time.GetUtcNow())
                        .ExecuteNonQuery();
                    return 0;
                });
                applied.Add($"{migration.Version:D3}_{migration.Name}");
                to = migration.Version;
            }

            return new MigrationReport(from, to, applied);
        }, cancellationToken);
    }
}
