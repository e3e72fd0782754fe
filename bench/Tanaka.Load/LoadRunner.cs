using System.Diagnostics;
using System.Net;
using Tanaka.Client;
using Tanaka.Client.Devices;
using Tanaka.Crdt.Updates;
using Tanaka.Load.Reports;
using Tanaka.Load.Simulation;

namespace Tanaka.Load;

/// <summary>
/// One load run against a server: seed a workspace, let every device download it, run the
/// scheduled and burst phases, let every device catch up, check that all of them converged to
/// the server's document, and measure a lone one-change sync. Callable in process (tests run the
/// smoke profile through it); <c>tanaka-load</c> is a command line around it.
/// </summary>
public sealed class LoadRunner(LoadProfile profile, LoadTarget target, TextWriter? log = null)
{
    private const string SeedDevice = "load-seed";
    private readonly TextWriter _log = log ?? TextWriter.Null;

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken = default)
    {
        target.EnsureLoopback();
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage();
        var wall = Stopwatch.StartNew();
        using var http = CreateHttpClient(target.BaseAddress);
        var client = new TanakaClient(http, target.Token);
        await using var server = target.ServerProcessId is { } pid ? ProcessSampler.TryStart(pid, TimeSpan.FromMilliseconds(250)) : null;
        await using var self = ProcessSampler.TryStart(Environment.ProcessId, TimeSpan.FromMilliseconds(250));
        var phases = new List<PhaseReport>();

        var metrics = new ServerMetrics(http, target.Token);
        async Task<T> PhaseAsync<T>(string name, Func<PhaseRecorder, Task<T>> body, bool serverLatency = false)
        {
            var recorder = new PhaseRecorder(name);
            var before = serverLatency && profile.ServerLatencyFromMetrics ? await metrics.ScrapeAsync(cancellationToken) : null;
            var from = server?.Now ?? 0;
            var fromSelf = self?.Now ?? 0;
            server?.TakeSample();
            self?.TakeSample();
            var clock = Stopwatch.StartNew();
            var result = await body(recorder);
            var seconds = clock.Elapsed.TotalSeconds;
            server?.TakeSample();
            self?.TakeSample();
            var serverUse = server?.Between(from, server.Now) ?? ResourceUse.Unknown;
            var selfUse = self?.Between(fromSelf, self.Now) ?? ResourceUse.Unknown;
            var after = before is null ? null : await metrics.ScrapeAsync(cancellationToken);
            var report = recorder.Report(seconds, serverUse, selfUse, after?.Since(before!));
            phases.Add(report);
            _log.WriteLine($"  {name,-10} {report.Syncs,7} syncs in {seconds,6:0.0} s, {report.Errors} errors, P95 {report.LatencyMs.P95:0.00} ms"
                + (report.ServerLatency is { } s ? $" (server: P95 {s.Http.P95:0.00} ms)" : ""));
            return result;
        }

        var windows = Enumerable.Range(0, profile.Windows).Select(w => $"window-{w}").ToList();
        var devices = Enumerable.Range(0, profile.Devices)
            .Select(i => new SimulatedDevice(client, $"load-device-{i:000}", profile.Seed + i, windows[i % windows.Count], windows, profile.TabsPerWindow, profile.StateVector))
            .ToList();
        try
        {
            _log.WriteLine($"profile {profile.Name}: {profile.Devices} devices, {profile.InitialTabs} tabs in {profile.Windows} windows, state vector {profile.StateVector}, server {target.BaseAddress}");
            await PhaseAsync("seed", recorder => SeedAsync(client, windows, recorder, cancellationToken));
            await PhaseAsync("join", recorder => ForEachAsync(devices, d => d.SyncAsync(recorder, false, cancellationToken), cancellationToken));
            if (profile.WarmupDuration > TimeSpan.Zero)
            {
                await PhaseAsync("warmup", recorder => ScheduledAsync(devices, profile.WarmupDuration, recorder, cancellationToken), serverLatency: true);
            }

            await PhaseAsync("scheduled", recorder => ScheduledAsync(devices, profile.ScheduledDuration, recorder, cancellationToken), serverLatency: true);
            await PhaseAsync("burst", recorder => BurstAsync(devices, recorder, cancellationToken), serverLatency: true);
            await PhaseAsync("settle", recorder => SettleAsync(devices, recorder, cancellationToken), serverLatency: true);
            var convergence = await PhaseAsync("check", recorder => CheckConvergenceAsync(client, devices, recorder, cancellationToken));
            var oneChange = await PhaseAsync("one-change", recorder => MeasureOneChangeAsync(client, recorder, cancellationToken));

            var serverUse = server?.Between(0, server.Now) ?? ResourceUse.Unknown;
            return new LoadReport(
                profile.Name,
                startedAt,
                Math.Round(wall.Elapsed.TotalSeconds, 3),
                Machine(loadAtStart, LoadAverage()),
                new ServerReport(target.ServerProcessId is null ? "external" : "child", target.BaseAddress.ToString(), target.ServerProcessId),
                new WorkspaceReport(profile.Windows, profile.InitialTabs, convergence.ServerTabs),
                profile.Devices,
                profile.StateVector.ToString(),
                phases,
                oneChange,
                convergence,
                serverUse,
                target.ServerProcessId is { } serverPid ? HighWaterMb(serverPid) : 0,
                server?.Samples ?? [],
                self?.Between(0, self.Now) ?? ResourceUse.Unknown);
        }
        finally
        {
            foreach (var device in devices)
            {
                device.Dispose();
            }
        }
    }

    private static HttpClient CreateHttpClient(Uri baseAddress) =>
        new(new SocketsHttpHandler
        {
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>One device creates the whole workspace (windows owned by the devices that live in them) and uploads it.</summary>
    private async Task<bool> SeedAsync(TanakaClient client, List<string> windows, PhaseRecorder recorder, CancellationToken cancellationToken)
    {
        using var seed = new SyncingDevice(client, SeedDevice);
        var random = new Random(profile.Seed);
        seed.Document.Transact(() =>
        {
            for (var w = 0; w < windows.Count; w++)
            {
                seed.Workspace.UpsertWindow(new WindowState(windows[w], Tracked: true, Focused: w == 0, $"load-device-{w % Math.Max(1, profile.Devices):000}"));
                for (var i = 0; i < profile.TabsPerWindow; i++)
                {
                    var (url, title) = PageCatalog.Next(random);
                    seed.Workspace.UpsertTab(new TabState($"tab-{w}-{i}", windows[w], url, title, i, Active: i == 0, Pinned: i < 2));
                }
            }
        });
        recorder.Edited(windows.Count * (profile.TabsPerWindow + 1));
        var result = await seed.SyncAsync(cancellationToken);
        recorder.Synced(result, carriedEdits: true);
        return true;
    }

    private async Task<bool> ScheduledAsync(List<SimulatedDevice> devices, TimeSpan duration, PhaseRecorder recorder, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var issued = 0;
        var interval = profile.SyncInterval.TotalSeconds;
        await Task.WhenAll(devices.Select(async device =>
        {
            var random = device.Random;
            // Devices start spread over one interval, as browsers opened at different times would be.
            var nextAt = random.NextDouble() * interval;
            while (true)
            {
                var wait = nextAt - clock.Elapsed.TotalSeconds;
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
                }

                if (clock.Elapsed >= duration || Interlocked.Increment(ref issued) > profile.MaxScheduledSyncs)
                {
                    return;
                }

                var edits = random.NextDouble() < profile.EditProbability ? random.Next(1, 4) : 0;
                device.Edit(edits);
                recorder.Edited(edits);
                await device.SyncAsync(recorder, edits > 0, cancellationToken);
                // A device that fell behind its schedule syncs next one interval from now, not in a catch-up burst.
                nextAt = Math.Max(nextAt + (interval * (0.8 + (0.4 * random.NextDouble()))), clock.Elapsed.TotalSeconds);
            }
        }));
        return true;
    }

    private async Task<bool> BurstAsync(List<SimulatedDevice> devices, PhaseRecorder recorder, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var issued = 0;
        await Task.WhenAll(devices.Select(async device =>
        {
            await Task.Yield();
            while (clock.Elapsed < profile.BurstDuration && Interlocked.Increment(ref issued) <= profile.MaxBurstSyncs)
            {
                device.Edit(1);
                recorder.Edited(1);
                await device.SyncAsync(recorder, carriedEdits: true, cancellationToken);
            }
        }));
        return true;
    }

    /// <summary>Two sequential rounds: the first delivers every device's last edits, the second brings them to everyone.</summary>
    private static async Task<bool> SettleAsync(List<SimulatedDevice> devices, PhaseRecorder recorder, CancellationToken cancellationToken)
    {
        for (var round = 0; round < 2; round++)
        {
            foreach (var device in devices)
            {
                await device.SyncAsync(recorder, device.Device.PendingUpdateCount > 0, cancellationToken);
            }
        }

        return true;
    }

    private static async Task<ConvergenceReport> CheckConvergenceAsync(TanakaClient client, List<SimulatedDevice> devices, PhaseRecorder recorder, CancellationToken cancellationToken)
    {
        using var observer = new SyncingDevice(client, "load-observer");
        recorder.Synced(await observer.SyncAsync(cancellationToken), carriedEdits: false);
        var expected = observer.Workspace.ToCanonicalJson();
        var diverged = devices
            .Where(d => d.Device.PendingUpdateCount > 0 || d.Device.Workspace.ToCanonicalJson() != expected)
            .Select(d => d.Device.DeviceId)
            .ToList();

        var rows = await client.GetTabsAsync(cancellationToken);
        var tabs = observer.Workspace.ListTabs();
        var mismatch = TabRowsMismatch(rows, tabs);
        return new ConvergenceReport(devices.Count, devices.Count - diverged.Count, diverged, mismatch is null, mismatch, tabs.Count);
    }

    private static string? TabRowsMismatch(IReadOnlyList<Client.Protocol.TabRecord> rows, IReadOnlyList<TabState> tabs)
    {
        if (rows.Count != tabs.Count)
        {
            return $"GET /tabs has {rows.Count} rows, the document {tabs.Count} tabs";
        }

        var byId = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var tab in tabs)
        {
            if (!byId.TryGetValue(tab.Id, out var row))
            {
                return $"tab {tab.Id} has no row";
            }

            if (row.WindowId != tab.WindowId || row.Url != tab.Url || row.Title != tab.Title
                || row.Index != tab.Index || row.Active != tab.Active || row.Pinned != tab.Pinned)
            {
                return $"tab {tab.Id}: row {row} differs from document {tab}";
            }
        }

        return null;
    }

    /// <summary>With the load stopped: one device changes one title and syncs, a second one picks it up. Once with state vectors, once with since_clock only.</summary>
    private static async Task<OneChangeReport> MeasureOneChangeAsync(TanakaClient client, PhaseRecorder recorder, CancellationToken cancellationToken)
    {
        var withStateVector = await MeasurePairAsync(client, "load-probe-sv", StateVectorPolicy.Always, recorder, cancellationToken);
        var (sinceOnly, clients) = await MeasurePairAsync(client, "load-probe-since", StateVectorPolicy.WhenNeeded, recorder, cancellationToken);
        return new OneChangeReport(withStateVector.Bytes, sinceOnly, clients);
    }

    private static async Task<(OneChangeBytes Bytes, int Clients)> MeasurePairAsync(
        TanakaClient client, string prefix, StateVectorPolicy policy, PhaseRecorder recorder, CancellationToken cancellationToken)
    {
        // The first sync of each carries the state vector either way (no server clock yet); the measured ones differ.
        var options = new SyncingDeviceOptions { StateVector = policy };
        using var sender = new SyncingDevice(client, $"{prefix}-a", options);
        using var receiver = new SyncingDevice(client, $"{prefix}-b", options);
        recorder.Synced(await sender.SyncAsync(cancellationToken), false);
        recorder.Synced(await receiver.SyncAsync(cancellationToken), false);
        var tab = sender.Workspace.ListTabs()[0];
        sender.Workspace.SetTitle(tab.Id, tab.Title + " (edited)");
        var sent = await sender.SyncAsync(cancellationToken);
        var received = await receiver.SyncAsync(cancellationToken);
        recorder.Synced(sent, true);
        recorder.Synced(received, false);
        // The sender holds what the server holds now: its state vector names every client of the workspace.
        var clients = StateVector.Decode(sender.Document.EncodeStateVector()).Count;
        return (new OneChangeBytes(
            sent.RequestBodyBytes,
            sent.SentUpdateBytes,
            sent.ResponseBodyBytes,
            received.RequestBodyBytes,
            received.ResponseBodyBytes,
            received.ReceivedUpdateBytes), clients);
    }

    /// <summary>Syncs every device once, a few at a time (a full download each: running all at once only measures queueing).</summary>
    private static async Task<bool> ForEachAsync(List<SimulatedDevice> devices, Func<SimulatedDevice, Task<bool>> sync, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            devices,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount * 2), CancellationToken = cancellationToken },
            async (device, _) => await sync(device));
        return true;
    }

    private static double? LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static MachineReport Machine(double? loadAtStart, double? loadAtEnd)
    {
        string? cpu = null;
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
                .Split(':', 2)[1].Trim();
        }
        catch (IOException)
        {
        }

        return new MachineReport(Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.OSDescription, Environment.Version.ToString(), cpu, loadAtStart, loadAtEnd);
    }

    private static double HighWaterMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line[6..].Trim().Replace("kB", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
