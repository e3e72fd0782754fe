using System.Collections;

namespace Tanaka.Server.Config;

/// <summary>
/// Builds the configuration from its sources, later wins: defaults in the option classes &lt;
/// TOML file &lt; <c>TANAKA_</c> environment variables (<c>__</c> nests) &lt; command-line arguments.
/// </summary>
public static class TanakaConfiguration
{
    public const string EnvironmentPrefix = "TANAKA_";
    public const string ConfigFileVariable = "TANAKA_CONFIG";
    public const string DefaultConfigFileName = "tanaka.toml";
    public const string ConfigSwitch = "--config";

    /// <summary>Short command-line spellings for the settings people type most.</summary>
    public static readonly IReadOnlyDictionary<string, string> SwitchMappings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--host"] = "server:host",
        ["--port"] = "server:port",
        ["--data-dir"] = "server:data_dir",
    };

    /// <summary>The root key <c>--config</c> lands on; not a setting, so validation ignores it.</summary>
    internal const string ConfigKey = "config";

    public static IConfigurationBuilder AddTanakaSources(this IConfigurationBuilder builder, ConfigurationInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(inputs);
        var environment = inputs.Environment ?? ReadProcessEnvironment();

        if (ResolveConfigFile(inputs, environment) is { } file)
        {
            builder.Add(new TomlConfigurationSource(file));
        }

        builder.AddInMemoryCollection(FromEnvironment(environment));
        builder.AddCommandLine([.. inputs.Args], new Dictionary<string, string>(SwitchMappings, StringComparer.OrdinalIgnoreCase));
        if (inputs.Overrides is { Count: > 0 } overrides)
        {
            builder.AddInMemoryCollection(overrides.Select(kv => KeyValuePair.Create(kv.Key.Replace('.', ':'), kv.Value)));
        }

        return builder;
    }

    /// <summary>Builds and checks the configuration in one step; throws <see cref="InvalidConfigurationException"/> listing every problem.</summary>
    public static IConfigurationRoot Build(ConfigurationInputs inputs)
    {
        var configuration = new ConfigurationBuilder().AddTanakaSources(inputs).Build();
        ConfigurationCheck.ThrowIfInvalid(configuration);
        return configuration;
    }

    /// <summary>The TOML file to read, or null when none is named and <c>tanaka.toml</c> does not exist.</summary>
    public static string? ResolveConfigFile(ConfigurationInputs inputs, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        environment ??= inputs.Environment ?? ReadProcessEnvironment();
        var workingDirectory = inputs.WorkingDirectory ?? Directory.GetCurrentDirectory();

        if ((inputs.ConfigPath ?? FindConfigSwitch(inputs.Args)) is { } fromArgs)
        {
            return RequireFile(fromArgs, workingDirectory, ConfigSwitch);
        }

        if (environment.TryGetValue(ConfigFileVariable, out var fromEnvironment) && !string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return RequireFile(fromEnvironment, workingDirectory, ConfigFileVariable);
        }

        var fallback = Path.Combine(workingDirectory, DefaultConfigFileName);
        return File.Exists(fallback) ? fallback : null;
    }

    private static string RequireFile(string path, string workingDirectory, string origin)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        return File.Exists(full)
            ? full
            : throw new InvalidConfigurationException($"config file '{full}' (from {origin}) does not exist");
    }

    private static string? FindConfigSwitch(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (string.Equals(args[i], ConfigSwitch, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1 < args.Count
                    ? args[i + 1]
                    : throw new InvalidConfigurationException($"{ConfigSwitch} needs a file path");
            }

            if (args[i].StartsWith(ConfigSwitch + "=", StringComparison.OrdinalIgnoreCase))
            {
                return args[i][(ConfigSwitch.Length + 1)..];
            }
        }

        return null;
    }

    private static IEnumerable<KeyValuePair<string, string?>> FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        foreach (var (name, value) in environment)
        {
            if (name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(name, ConfigFileVariable, StringComparison.OrdinalIgnoreCase))
            {
                yield return KeyValuePair.Create(name[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), value);
            }
        }
    }

    private static Dictionary<string, string?> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }
}
