using System.CommandLine;

namespace Tanaka.Server.Cli;

/// <summary>Options shared by every command.</summary>
public static class CliOptions
{
    /// <summary><c>--config PATH</c>: the TOML file to read instead of <c>TANAKA_CONFIG</c> or <c>./tanaka.toml</c>.</summary>
    public static readonly Option<string?> Config = new("--config")
    {
        Description = "TOML configuration file (default: $TANAKA_CONFIG, else ./tanaka.toml if present).",
        HelpName = "path",
        Recursive = true,
    };
}
