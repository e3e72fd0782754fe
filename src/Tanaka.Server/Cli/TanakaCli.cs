using System.CommandLine;

namespace Tanaka.Server.Cli;

/// <summary>
/// The <c>tanaka</c> command line. Each command is one file in this folder exposing
/// <c>Create()</c>; add it to <see cref="CreateRootCommand"/>. Running <c>tanaka</c> without a
/// command serves, like <c>tanaka serve</c>.
/// </summary>
public static class TanakaCli
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Tanaka server: syncs browser windows and tabs between your computers.")
        {
            CliOptions.Config,
        };
        ServeCommand.AcceptSettings(root);
        root.SetAction(ServeCommand.RunAsync);

        root.Add(ServeCommand.Create());
        root.Add(CertCommand.Create());
        root.Add(TokenCommand.Create());
        root.Add(MigrateCommand.Create());
        return root;
    }

    /// <summary>Parses and runs a command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var invocation = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // The host handles Ctrl+C and SIGTERM itself and shuts down gracefully; don't race it.
            ProcessTerminationTimeout = null,
        };
        return CreateRootCommand().Parse(args).InvokeAsync(invocation, cancellationToken);
    }
}
