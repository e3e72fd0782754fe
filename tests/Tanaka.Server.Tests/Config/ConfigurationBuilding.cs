using Microsoft.Extensions.Configuration;
using Tanaka.Server.Config;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Config;

/// <summary>Builds configuration the way the server does, from explicit inputs only (no process environment).</summary>
internal static class ConfigurationBuilding
{
    public static IConfigurationRoot Build(
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        IReadOnlyList<string>? args = null,
        string? configPath = null) =>
        TanakaConfiguration.Build(new ConfigurationInputs
        {
            WorkingDirectory = workingDirectory ?? EmptyDirectory.Value,
            Environment = environment ?? new Dictionary<string, string?>(),
            Args = args ?? [],
            ConfigPath = configPath,
        });

    public static T Bind<T>(this IConfiguration configuration, string section)
        where T : new() =>
        configuration.GetSection(section).Get<T>() ?? new T();

    /// <summary>A directory with no tanaka.toml in it, so the default-file rule finds nothing.</summary>
    private static readonly Lazy<string> EmptyDirectory = new(() => new TempDirectory().Path);
}
