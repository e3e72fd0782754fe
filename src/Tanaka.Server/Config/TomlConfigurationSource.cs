namespace Tanaka.Server.Config;

/// <summary>A TOML file as a configuration source; see <see cref="TomlConfigurationProvider"/>.</summary>
public sealed class TomlConfigurationSource(string path) : IConfigurationSource
{
    public string Path { get; } = path;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new TomlConfigurationProvider(Path);
}
