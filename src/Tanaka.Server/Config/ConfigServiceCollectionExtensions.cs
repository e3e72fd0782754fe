using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

public static class ConfigServiceCollectionExtensions
{
    /// <summary>
    /// Binds every option class to its section of the registered <see cref="IConfiguration"/> and
    /// validates all of them when the host starts.
    /// </summary>
    public static IServiceCollection AddTanakaOptions(this IServiceCollection services)
    {
        services.AddSection<ServerOptions, ServerOptionsValidator>(ServerOptions.Section);
        services.AddSection<DatabaseOptions, DatabaseOptionsValidator>(DatabaseOptions.Section);
        services.AddSection<AuthOptions, AuthOptionsValidator>(AuthOptions.Section);
        services.AddSection<TlsOptions, TlsOptionsValidator>(TlsOptions.Section);
        services.AddSection<SyncOptions, SyncOptionsValidator>(SyncOptions.Section);
        services.AddSection<CacheOptions, CacheOptionsValidator>(CacheOptions.Section);
        services.AddSection<CompactionOptions, CompactionOptionsValidator>(CompactionOptions.Section);
        services.AddSection<ObservabilityOptions, ObservabilityOptionsValidator>(ObservabilityOptions.Section);
        return services;
    }

    private static void AddSection<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
