using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

/// <summary>
/// Checks a configuration before the host is built: every key must belong to a known setting,
/// every value must parse as the setting's type, and every option class must pass its validator.
/// Unknown keys are errors because a typo (<c>TANAKA_SERVER_PORT</c> with one underscore) would
/// otherwise be ignored silently.
/// </summary>
public static class ConfigurationCheck
{
    public static void ThrowIfInvalid(IConfiguration configuration)
    {
        var problems = FindProblems(configuration);
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(problems);
        }
    }

    /// <summary>Every problem, each naming its key (<c>server.port</c>) and what is allowed; empty when the configuration is usable.</summary>
    public static IReadOnlyList<string> FindProblems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        foreach (var child in configuration.GetChildren())
        {
            if (string.Equals(child.Key, TanakaConfiguration.ConfigKey, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var section = SettingsSection.All.FirstOrDefault(s => string.Equals(s.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (section is null)
            {
                problems.Add($"{Display(child.Path)}: unknown setting; known sections: {string.Join(", ", SettingsSection.All.Select(s => s.Name))} (environment variables nest with a double underscore, e.g. TANAKA_SERVER__PORT)");
                continue;
            }

            CheckSection(section, child, problems);
        }

        if (problems.Count == 0)
        {
            problems.AddRange(Validate(configuration));
        }

        return problems;
    }

    private static IEnumerable<string> Validate(IConfiguration configuration)
    {
        using var provider = new ServiceCollection()
            .AddSingleton(configuration)
            .AddTanakaOptions()
            .BuildServiceProvider();
        var failures = new List<string>();
        foreach (var section in SettingsSection.All)
        {
            try
            {
                section.Resolve(provider);
            }
            catch (OptionsValidationException e)
            {
                failures.AddRange(e.Failures);
            }
        }

        return failures.Distinct(StringComparer.Ordinal);
    }

    private static void CheckSection(SettingsSection section, IConfigurationSection config, List<string> problems)
    {
        var settings = section.OptionsType
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(KeyName, StringComparer.OrdinalIgnoreCase);

        if (config.Value is { Length: > 0 } && !config.GetChildren().Any())
        {
            problems.Add($"{section.Name}: is a section, not a value; set its keys instead, e.g. {section.Name}.{settings.Keys.First()}");
            return;
        }

        foreach (var entry in config.GetChildren())
        {
            if (!settings.TryGetValue(entry.Key, out var property))
            {
                problems.Add($"{section.Name}.{entry.Key.ToLowerInvariant()}: unknown setting; known settings in [{section.Name}]: {string.Join(", ", settings.Keys)}");
                continue;
            }

            if (CheckValue(property.PropertyType, entry) is { } problem)
            {
                problems.Add($"{section.Name}.{KeyName(property)}: {problem}");
            }
        }
    }

    private static string? CheckValue(Type type, IConfigurationSection entry)
    {
        var hasChildren = entry.GetChildren().Any();
        if (type == typeof(string[]))
        {
            return hasChildren || string.IsNullOrEmpty(entry.Value)
                ? entry.GetChildren().Any(c => c.GetChildren().Any()) ? "must be a list of strings, not of tables" : null
                : $"must be a list, e.g. [\"a\", \"b\"] in TOML, TANAKA_{Display(entry.Path).Replace(".", "__", StringComparison.Ordinal).ToUpperInvariant()}__0=a in the environment or --{entry.Path.ToLowerInvariant()}:0=a on the command line";
        }

        if (hasChildren)
        {
            return "must be a single value, not a table or list";
        }

        var value = entry.Value;
        var underlying = Nullable.GetUnderlyingType(type);
        if (string.IsNullOrEmpty(value))
        {
            return type == typeof(string) || underlying is not null ? null : $"must not be empty; expected {Describe(type)}";
        }

        type = underlying ?? type;
        var valid = type == typeof(string)
            || (type == typeof(int) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            || (type == typeof(long) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            || (type == typeof(bool) && bool.TryParse(value, out _));
        return valid ? null : $"'{value}' is not allowed; expected {Describe(type)}";
    }

    private static string Describe(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(int) || type == typeof(long) ? "a whole number"
        : "a value";

    private static string KeyName(PropertyInfo property) =>
        property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;

    private static string Display(string path) => path.Replace(ConfigurationPath.KeyDelimiter, ".", StringComparison.Ordinal).ToLowerInvariant();
}
