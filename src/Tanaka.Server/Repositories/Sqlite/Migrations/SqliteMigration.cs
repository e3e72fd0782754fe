namespace Tanaka.Server.Repositories.Sqlite.Migrations;

/// <summary>One schema step: applied once, in its own transaction, and recorded in <c>schema_migrations</c>.</summary>
internal sealed record SqliteMigration(int Version, string Name, string Sql);
