namespace Tanaka.Server.Config;

/// <summary>
/// Everything the configuration is built from. The defaults read the real process (environment,
/// working directory); tests pass their own so that nothing leaks in from the machine.
/// </summary>
public sealed record ConfigurationInputs
{
    /// <summary>Command-line settings such as <c>--server:port=8443</c>, <c>--port 8443</c> or <c>--config tanaka.toml</c>.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The TOML file given with <c>--config</c>; when null, <c>--config</c> in <see cref="Args"/>, then <c>TANAKA_CONFIG</c>, then <c>tanaka.toml</c> in <see cref="WorkingDirectory"/>.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Environment variables; null means the process environment.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Where <c>tanaka.toml</c> is looked for; null means the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Applied after every other source (tests use this for ports and temp directories).</summary>
    public IReadOnlyDictionary<string, string?>? Overrides { get; init; }
}
