using Microsoft.Extensions.DependencyInjection.Extensions;
using Tanaka.Crdt;
using Tanaka.Server.Endpoints.Contracts;

namespace Tanaka.Server.Services;

public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// The sync subsystem: <see cref="ISyncService"/>, the workspace document cache and locks,
    /// domain rules, the per-device rate limit, scheduled compaction and the JSON contracts of
    /// the sync endpoints. Needs storage (<c>AddStorage</c>).
    /// </summary>
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CrdtLimits.Default);
        services.TryAddSingleton<SyncMetrics>();
        services.TryAddSingleton<WorkspaceLocks>();
        services.TryAddSingleton<WorkspaceDocumentCache>();
        services.TryAddSingleton<DomainValidator>();
        services.TryAddSingleton<TabMaterializer>();
        services.TryAddSingleton<DeviceRateLimiter>();
        services.TryAddSingleton<ISyncService, SyncService>();

        services.TryAddSingleton<CompactionService>();
        services.AddHostedService(provider => provider.GetRequiredService<CompactionService>());

        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ContractsJsonContext.Default));
        return services;
    }
}
