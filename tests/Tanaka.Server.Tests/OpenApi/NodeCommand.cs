using System.Diagnostics;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.OpenApi;

/// <summary>Runs node or npx in clients/typescript and captures what it prints.</summary>
internal static class NodeCommand
{
    public static string ClientDirectory { get; } = RepoRoot.File("clients", "typescript");

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>Fails with what to do when the client's packages are not installed (the test command installs them).</summary>
    public static void RequirePackages()
    {
        var installed = Directory.Exists(Path.Combine(ClientDirectory, "node_modules", "openapi-typescript"))
            && Directory.Exists(Path.Combine(ClientDirectory, "node_modules", "tsx"));
        installed.ShouldBeTrue("clients/typescript has no node_modules: run `npm ci` in clients/typescript (scripts/test.sh does).");
    }

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = ClientDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await output, await error);
    }
}
