using System.CommandLine;
using Tanaka.Client.Devices;
using Tanaka.Load;
using Tanaka.Load.Reports;

// tanaka-load: `dotnet run -c Release --project bench/Tanaka.Load -- --profile standard`
// starts a server of its own (or loads --url), runs the profile, prints a table and writes
// bench/results/<profile>-<timestamp>.json. Exit code 0 only with zero errors and convergence.
var profileOption = new Option<string>("--profile")
{
    Description = "smoke (seconds, 4 devices), standard (50 devices) or heavy (500 devices).",
    DefaultValueFactory = _ => "smoke",
};
// A string, parsed below: System.CommandLine has no parser for Uri.
var urlOption = new Option<string?>("--url") { Description = "Load this running server (loopback only) instead of starting one; needs --token." };
var tokenOption = new Option<string?>("--token") { Description = "Bearer token of the server given with --url." };
var serverPidOption = new Option<int?>("--server-pid") { Description = "With --url: the server's process id, to sample its CPU and memory." };
var serverDllOption = new Option<string?>("--server-dll") { Description = "The tanaka.dll to start (default: the one built next to this harness)." };
var serverLogOption = new Option<string>("--server-log-level")
{
    Description = "observability.log_level of the started server.",
    DefaultValueFactory = _ => "warning",
};
var devicesOption = new Option<int?>("--devices") { Description = "Override the profile's device count." };
var scheduledOption = new Option<double?>("--scheduled-seconds") { Description = "Override the scheduled phase's duration." };
var warmupOption = new Option<double?>("--warmup-seconds") { Description = "Override the warm-up's duration (scheduled syncs before the measured phases; 0 for none)." };
var burstOption = new Option<double?>("--burst-seconds") { Description = "Override the burst phase's duration." };
var stateVectorOption = new Option<StateVectorPolicy?>("--state-vector") { Description = "When devices send their state vector: WhenNeeded (default), Always or Never." };
var outputOption = new Option<string?>("--output") { Description = "Result file (default bench/results/<profile>-<timestamp>.json)." };

var root = new RootCommand("Load harness for the Tanaka server: simulated devices syncing a 200+ tab workspace over loopback.")
{
    profileOption, urlOption, tokenOption, serverPidOption, serverDllOption, serverLogOption, devicesOption, warmupOption, scheduledOption, burstOption, stateVectorOption, outputOption,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var profile = LoadProfile.Find(parse.GetValue(profileOption)!);
    if (profile is null)
    {
        await Console.Error.WriteLineAsync($"Unknown profile; choose one of: {string.Join(", ", LoadProfile.All.Select(p => p.Name))}.");
        return 2;
    }

    if (GcRelaunch.IsNeeded(profile.LoadGeneratorServerGc))
    {
        return await GcRelaunch.RunAsync(profile.LoadGeneratorServerGc, args, cancellationToken);
    }

    profile = profile with
    {
        Devices = parse.GetValue(devicesOption) ?? profile.Devices,
        ScheduledDuration = parse.GetValue(scheduledOption) is { } scheduled ? TimeSpan.FromSeconds(scheduled) : profile.ScheduledDuration,
        WarmupDuration = parse.GetValue(warmupOption) is { } warmup ? TimeSpan.FromSeconds(warmup) : profile.WarmupDuration,
        BurstDuration = parse.GetValue(burstOption) is { } burst ? TimeSpan.FromSeconds(burst) : profile.BurstDuration,
        StateVector = parse.GetValue(stateVectorOption) ?? profile.StateVector,
    };
    var urlText = parse.GetValue(urlOption);
    var token = parse.GetValue(tokenOption);
    if ((urlText is null) != (token is null))
    {
        await Console.Error.WriteLineAsync("--url and --token go together.");
        return 2;
    }

    Uri? url = null;
    if (urlText is not null && !Uri.TryCreate(urlText, UriKind.Absolute, out url))
    {
        await Console.Error.WriteLineAsync($"--url: '{urlText}' is not an absolute URL (e.g. http://127.0.0.1:3000).");
        return 2;
    }

    ServerProcess? server = null;
    try
    {
        LoadTarget target;
        if (url is not null)
        {
            target = new LoadTarget(url, token!, parse.GetValue(serverPidOption));
        }
        else
        {
            Console.WriteLine("starting the server ...");
            server = await ServerProcess.StartAsync(
                new ServerProcessOptions { ServerDll = parse.GetValue(serverDllOption), LogLevel = parse.GetValue(serverLogOption)! },
                cancellationToken);
            target = server.Target;
        }

        var report = await new LoadRunner(profile, target, Console.Out).RunAsync(cancellationToken);
        ReportTable.Write(Console.Out, report);
        var path = await ReportFile.WriteAsync(report, parse.GetValue(outputOption), cancellationToken);
        Console.WriteLine($"result: {path}");
        return report.Errors == 0 && report.Convergence.AllConverged ? 0 : 1;
    }
    catch (Exception e) when (e is ArgumentException or InvalidOperationException or TimeoutException or FileNotFoundException or HttpRequestException or Tanaka.Client.TanakaApiException)
    {
        await Console.Error.WriteLineAsync($"tanaka-load: {e.Message}");
        return 1;
    }
    finally
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
});
return await root.Parse(args).InvokeAsync();
