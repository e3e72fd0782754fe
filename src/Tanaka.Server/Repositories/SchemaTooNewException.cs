namespace Tanaka.Server.Repositories;

/// <summary>The database was migrated by a newer Tanaka; this build must not touch it.</summary>
public sealed class SchemaTooNewException(string databasePath, int databaseVersion, int supportedVersion)
    : Exception(
        $"The database '{databasePath}' has schema version {databaseVersion}, but this Tanaka supports up to version {supportedVersion}. " +
        "Upgrade Tanaka, or point database.path (or server.data_dir) at another database.")
{
    public int DatabaseVersion { get; } = databaseVersion;

    public int SupportedVersion { get; } = supportedVersion;
}
