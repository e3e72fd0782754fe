using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Tanaka.Server.Config;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Config;

/// <summary>config/tanaka.example.toml documents every key with its default, so it must stay in step with the option classes.</summary>
public sealed partial class ExampleConfigTests
{
    private static readonly string ExamplePath = RepoRoot.File("config", "tanaka.example.toml");

    public static TheoryData<string, Type> Sections() => new()
    {
        { ServerOptions.Section, typeof(ServerOptions) },
        { DatabaseOptions.Section, typeof(DatabaseOptions) },
        { AuthOptions.Section, typeof(AuthOptions) },
        { TlsOptions.Section, typeof(TlsOptions) },
        { SyncOptions.Section, typeof(SyncOptions) },
        { CacheOptions.Section, typeof(CacheOptions) },
        { CompactionOptions.Section, typeof(CompactionOptions) },
        { ObservabilityOptions.Section, typeof(ObservabilityOptions) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void The_example_sets_every_value_to_its_default(string section, Type optionsType)
    {
        var config = ConfigurationBuilding.Build(configPath: ExamplePath);

        var fromExample = config.GetSection(section).Get(optionsType) ?? Activator.CreateInstance(optionsType);
        var defaults = Activator.CreateInstance(optionsType);

        JsonSerializer.Serialize(fromExample, optionsType).ShouldBe(JsonSerializer.Serialize(defaults, optionsType));
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void The_example_mentions_every_key(string section, Type optionsType)
    {
        var text = File.ReadAllText(ExamplePath);
        var header = Regex.Match(text, $@"(?m)^\[{section}\]$");
        header.Success.ShouldBeTrue($"[{section}] is missing from {ExamplePath}");
        var sectionText = text[header.Index..];
        var next = TableHeader().Match(sectionText, 1);
        if (next.Success)
        {
            sectionText = sectionText[..next.Index];
        }

        foreach (var property in optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()!.Name;
            // Keys without a default appear commented out, with an example value.
            sectionText.ShouldMatch($@"(?m)^#? ?{Regex.Escape(key)} = ", $"[{section}] {key} is not documented in {ExamplePath}");
        }
    }

    [GeneratedRegex(@"(?m)^\[")]
    private static partial Regex TableHeader();
}
