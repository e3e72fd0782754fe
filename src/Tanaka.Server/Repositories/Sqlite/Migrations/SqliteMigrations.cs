namespace Tanaka.Server.Repositories.Sqlite.Migrations;

/// <summary>Every migration, oldest first. Append only: a released migration never changes.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        V001InitialSchema.Migration,
        V002Tokens.Migration,
    ];

    public static int Latest => All[^1].Version;
}
