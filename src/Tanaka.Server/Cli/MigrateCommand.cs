using System.CommandLine;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;

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

    private static Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        CliHost.RunWithMigratedServicesAsync(parseResult, async (services, report, output, _) =>
        {
            var path = services.GetRequiredService<IOptions<DatabaseOptions>>().Value
                .ResolvePath(services.GetRequiredService<IOptions<ServerOptions>>().Value);
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
        }, cancellationToken);
}
