using System.CommandLine;
using Tanaka.Server.Config;
using Tanaka.Server.Hosting;

namespace Tanaka.Server.Cli;

/// <summary>Turns a parsed command line into host settings, so every command that needs the server's services configures them the same way.</summary>
public static class CliHost
{
    /// <summary>
    /// Settings from <c>--config</c> and the tokens System.CommandLine did not recognise, which
    /// are configuration overrides such as <c>--server:port=8443</c> or <c>--port 8443</c>.
    /// Throws <see cref="InvalidConfigurationException"/> for a stray word (a mistyped command).
    /// </summary>
    public static TanakaHostSettings Settings(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var overrides = parseResult.UnmatchedTokens;
        for (var i = 0; i < overrides.Count; i++)
        {
            var token = overrides[i];
            var isSetting = token.StartsWith('-');
            var isValueOfPrevious = i > 0 && overrides[i - 1].StartsWith('-') && !overrides[i - 1].Contains('=', StringComparison.Ordinal);
            if (!isSetting && !isValueOfPrevious)
            {
                throw new InvalidConfigurationException($"'{token}' is not a command or a setting; run 'tanaka --help' for commands, settings look like --server:port=8443");
            }
        }

        return new TanakaHostSettings
        {
            Configuration = new ConfigurationInputs
            {
                Args = [.. overrides],
                ConfigPath = parseResult.GetValue(CliOptions.Config),
            },
        };
    }
}
