using System.Diagnostics;
using System.Runtime;

namespace Tanaka.Load;

/// <summary>
/// The GC mode is fixed when a process starts, and the best mode for the load generator depends on
/// the profile (<see cref="LoadProfile.LoadGeneratorServerGc"/>): when it differs from the running
/// one, the harness runs itself again with <c>DOTNET_gcServer</c> set and passes on its exit code.
/// The server it starts never sees the setting (<see cref="ServerProcess"/> removes GC variables).
/// </summary>
internal static class GcRelaunch
{
    private const string Marker = "TANAKA_LOAD_GC_CHOSEN";

    public static bool IsNeeded(bool serverGc) =>
        GCSettings.IsServerGC != serverGc && Environment.GetEnvironmentVariable(Marker) is null;

    public static async Task<int> RunAsync(bool serverGc, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(start.FileName).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(GcRelaunch).Assembly.Location);
        }

        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        start.Environment[Marker] = "1";
        Console.WriteLine($"running again with {(serverGc ? "server" : "workstation")} GC for this profile ...");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The harness could not start itself again.");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }
}
