namespace Tanaka.Server.Repositories;

/// <summary>The database's schema version against the one this build expects.</summary>
public sealed record SchemaStatus(int CurrentVersion, int LatestVersion)
{
    public bool IsCurrent => CurrentVersion == LatestVersion;

    public bool IsTooNew => CurrentVersion > LatestVersion;
}
