using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;
using Tanaka.Server.Hosting;
using Tanaka.Server.Repositories;

namespace Tanaka.Server.Cli;

/// <summary>
/// <c>tanaka migrate</c>: brings the database the configuration names to this build's schema
/// and says what it did. The server also migrates at start-up; this lets an operator do it (and
/// see the result) first. Running it again changes nothing; a database from a newer Tanaka is
/// refused and left untouched.
/// </summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply pending database migrations and exit.");
        ServeCommand.AcceptSettings(migrate);
        migrate.SetAction(RunAsync);
        return migrate;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            await using var app = TanakaApp.CreateBuilder(CliHost.Settings(parseResult)).Build();
            app.Services.GetRequiredService<DataDirectory>().Prepare();
            var path = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value
                .ResolvePath(app.Services.GetRequiredService<IOptions<ServerOptions>>().Value);
            var report = await app.Services.GetRequiredService<ISchemaMigrator>().MigrateAsync(cancellationToken);
            if (report.Applied.Count == 0)
            {
                await output.WriteLineAsync($"Database '{path}' is up to date (schema version {report.ToVersion}).");
                return ExitCodes.Success;
            }

            await output.WriteLineAsync($"Migrated database '{path}' from schema version {report.FromVersion} to {report.ToVersion}:");
            foreach (var migration in report.Applied)
            {
                await output.WriteLineAsync($"  {migration}");
            }

            return ExitCodes.Success;
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
            await error.WriteLineAsync($"tanaka: the database cannot be migrated: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
