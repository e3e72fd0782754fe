using System.Diagnostics;
using System.Text.Json.Nodes;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>
/// A device driven by the real yjs in Node (tests/oracle/device.mjs): one JSON command per line
/// on its stdin, one JSON answer per line on its stdout.
/// </summary>
internal sealed class YjsDevice : IAsyncDisposable
{
    private readonly Process _process;

    private YjsDevice(Process process, string deviceId)
    {
        _process = process;
        DeviceId = deviceId;
    }

    public string DeviceId { get; }

    public static YjsDevice Start(Uri baseAddress, string token, string deviceId)
    {
        var oracle = RepoRoot.File("tests", "oracle");
        var yjs = Path.Combine(oracle, "node_modules", "yjs", "package.json");
        if (!File.Exists(yjs))
        {
            throw new InvalidOperationException($"{yjs} is missing: run 'npm ci' in tests/oracle (scripts/test.sh does) before these tests.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = oracle,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(oracle, "device.mjs"), baseAddress.ToString(), token, deviceId })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; Node 20+ must be on PATH.");
        return new YjsDevice(process, deviceId);
    }

    public Task<JsonObject> EditAsync(int seed) => SendAsync(new JsonObject { ["op"] = "edit", ["seed"] = seed });

    public Task<JsonObject> SyncAsync(SyncMode mode) => SendAsync(new JsonObject
    {
        ["op"] = "sync",
        ["mode"] = mode switch
        {
            SyncMode.StateVector => "state_vector",
            SyncMode.SinceClock => "since_clock",
            SyncMode.Both => "both",
            _ => "nothing",
        },
    });

    /// <summary>The tabs and windows maps as yjs's toJSON renders them, keys sorted.</summary>
    public async Task<string> StateJsonAsync() => (await SendAsync(new JsonObject { ["op"] = "json" }))["json"]!.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync("{\"op\":\"exit\"}");
                await _process.StandardInput.FlushAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task<JsonObject> SendAsync(JsonObject command)
    {
        await _process.StandardInput.WriteLineAsync(command.ToJsonString());
        await _process.StandardInput.FlushAsync();
        var line = await _process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
        if (line is null)
        {
            var error = await _process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            throw new InvalidOperationException($"The yjs device {DeviceId} exited: {error}");
        }

        var answer = JsonNode.Parse(line)!.AsObject();
        answer["ok"]!.GetValue<bool>().ShouldBeTrue($"yjs device {DeviceId}: {line}");
        return answer;
    }
}
