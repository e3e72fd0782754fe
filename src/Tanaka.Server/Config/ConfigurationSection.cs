using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

/// <summary>One <c>[section]</c> of the configuration and the options class it binds to.</summary>
internal sealed record SettingsSection(string Name, Type OptionsType, Func<IServiceProvider, object> Resolve)
{
    /// <summary>Every section the server understands; anything else in the configuration is a mistake.</summary>
    public static readonly IReadOnlyList<SettingsSection> All =
    [
        Of<ServerOptions>(ServerOptions.Section),
        Of<DatabaseOptions>(DatabaseOptions.Section),
        Of<AuthOptions>(AuthOptions.Section),
        Of<TlsOptions>(TlsOptions.Section),
        Of<SyncOptions>(SyncOptions.Section),
        Of<CacheOptions>(CacheOptions.Section),
        Of<CompactionOptions>(CompactionOptions.Section),
        Of<ObservabilityOptions>(ObservabilityOptions.Section),
    ];

    private static SettingsSection Of<T>(string name)
        where T : class =>
        new(name, typeof(T), services => services.GetRequiredService<IOptions<T>>().Value);
}
