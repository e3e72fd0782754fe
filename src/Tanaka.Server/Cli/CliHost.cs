using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;
using Tanaka.Server.Hosting;
using Tanaka.Server.Repositories;

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

    /// <summary>
    /// Builds the server's services without starting it, prepares the data directory, migrates
    /// the database and runs <paramref name="action"/> with the services, the migration report,
    /// standard output and standard error. Configuration and schema problems become a message and an exit code,
    /// never a stack trace.
    /// </summary>
    public static async Task<int> RunWithMigratedServicesAsync(
        ParseResult parseResult,
        Func<IServiceProvider, MigrationReport, TextWriter, TextWriter, Task<int>> action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(action);
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            await using var app = TanakaApp.CreateBuilder(Settings(parseResult)).Build();
            app.Services.GetRequiredService<DataDirectory>().Prepare();
            var report = await app.Services.GetRequiredService<ISchemaMigrator>().MigrateAsync(cancellationToken);
            return await action(app.Services, report, output, error);
        }
        catch (InvalidConfigurationException e)
        {
            await error.WriteLineAsync(e.Message);
            return ExitCodes.InvalidConfiguration;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync(new InvalidConfigurationException([.. e.Failures]).Message);
            return ExitCodes.InvalidConfiguration;
        }
        catch (SchemaTooNewException e)
        {
            await error.WriteLineAsync($"tanaka: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (SqliteException e)
        {
            await error.WriteLineAsync($"tanaka: the database cannot be opened or migrated: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
