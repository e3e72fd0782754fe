namespace Tanaka.Server.Repositories;

/// <summary>
/// What <see cref="ISchemaMigrator.MigrateAsync"/> did: <see cref="Applied"/> names the
/// migrations applied, oldest first (empty when the schema was current).
/// </summary>
public sealed record MigrationReport(int FromVersion, int ToVersion, IReadOnlyList<string> Applied);
