using System.CommandLine;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;
using Tanaka.Server.Hosting;

namespace Tanaka.Server.Cli;

/// <summary><c>tanaka serve</c> (also plain <c>tanaka</c>): runs the sync server until Ctrl+C or SIGTERM.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the sync server (the default when no command is given).");
        AcceptSettings(command);
        command.SetAction(RunAsync);
        return command;
    }

    /// <summary>Lets configuration overrides such as <c>--server:port=8443</c> through the parser.</summary>
    internal static void AcceptSettings(Command command) => command.TreatUnmatchedTokensAsErrors = false;

    internal static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        WebApplication app;
        try
        {
            app = TanakaApp.Build(CliHost.Settings(parseResult));
        }
        catch (InvalidConfigurationException e)
        {
            await error.WriteLineAsync(e.Message);
            return ExitCodes.InvalidConfiguration;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (OptionsValidationException e)
            {
                await error.WriteLineAsync(new InvalidConfigurationException([.. e.Failures]).Message);
                return ExitCodes.InvalidConfiguration;
            }
            catch (InvalidConfigurationException e)
            {
                await error.WriteLineAsync(e.Message);
                return ExitCodes.InvalidConfiguration;
            }
            catch (IOException e)
            {
                // Typically the port is taken: "Failed to bind to address http://127.0.0.1:3000: address already in use."
                await error.WriteLineAsync($"tanaka: cannot start: {e.Message}");
                return ExitCodes.Failure;
            }
        }

        return ExitCodes.Success;
    }
}
