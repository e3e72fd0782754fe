using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;
using Tanaka.Server.Domain;
using Tanaka.Server.Hosting;
using Tanaka.Server.Repositories.Sqlite;

namespace Tanaka.Server.Repositories;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite repositories, the Lamport clock, migrations at start-up, background WAL
    /// checkpoints and the "database" health check (tagged "ready"). Reads <see cref="DatabaseOptions"/> and <see cref="ServerOptions"/>.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new LamportClock());
        services.TryAddSingleton(ICommitProbe.None);

        services.TryAddSingleton(provider => new SqliteDatabase(SqliteSettings.From(
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            provider.GetRequiredService<IOptions<ServerOptions>>().Value)));
        services.TryAddSingleton<ISchemaMigrator, SqliteSchemaMigrator>();
        services.TryAddSingleton<IWorkspaceStore, SqliteWorkspaceStore>();
        services.TryAddSingleton<IWorkspaceRepository, SqliteWorkspaceRepository>();
        services.TryAddSingleton<ITabRepository, SqliteTabRepository>();
        services.TryAddSingleton<IWindowRepository, SqliteWindowRepository>();
        services.TryAddSingleton<ISyncStateRepository, SqliteSyncStateRepository>();
        services.TryAddSingleton<ITokenRepository, SqliteTokenRepository>();

        services.AddHostedService<StorageStartup>();
        services.AddHostedService<WalCheckpointService>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready]);
        return services;
    }
}
