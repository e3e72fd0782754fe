namespace Tanaka.Server.Repositories;

/// <summary>Brings the database schema to the version this build expects.</summary>
public interface ISchemaMigrator
{
    /// <summary>The schema version this build writes.</summary>
    int LatestVersion { get; }

    Task<SchemaStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies every pending migration, each in its own transaction, and records it in the database.</summary>
    /// <exception cref="SchemaTooNewException">The database was written by a newer Tanaka.</exception>
    Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken = default);
}
