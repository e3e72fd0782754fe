using Tanaka.Client;
using Tanaka.Client.Devices;

namespace Tanaka.Load.Simulation;

/// <summary>One simulated browser: a syncing device plus the person using it.</summary>
internal sealed class SimulatedDevice : IDisposable
{
    private readonly TabActivity _activity;

    public SimulatedDevice(TanakaClient client, string deviceId, int seed, string homeWindow, IReadOnlyList<string> windows, int tabsPerWindow, StateVectorPolicy policy)
    {
        Random = new Random(seed);
        Device = new SyncingDevice(client, deviceId, new SyncingDeviceOptions
        {
            ClientId = (ulong)Random.NextInt64(1, 1L << 32),
            StateVector = policy,
            // A rate-limited server (--url without a raised sync.rate_limit_requests) should show up as
            // errors in the report, not stretch a bounded phase by minutes of waiting.
            MaxRateLimitRetries = 1,
            MaxRetryDelay = TimeSpan.FromSeconds(5),
        });
        _activity = new TabActivity(Device.Workspace, Random, deviceId, homeWindow, windows, tabsPerWindow);
    }

    public SyncingDevice Device { get; }

    public Random Random { get; }

    public void Edit(int edits)
    {
        for (var i = 0; i < edits; i++)
        {
            _activity.Edit();
        }
    }

    /// <summary>Syncs and records the outcome; false when the sync failed (the failure is recorded, not thrown).</summary>
    public async Task<bool> SyncAsync(PhaseRecorder recorder, bool carriedEdits, CancellationToken cancellationToken)
    {
        try
        {
            recorder.Synced(await Device.SyncAsync(cancellationToken), carriedEdits);
            return true;
        }
        catch (Exception e) when (e is TanakaApiException or HttpRequestException or TaskCanceledException or Tanaka.Crdt.UpdateDecodeException
            && !cancellationToken.IsCancellationRequested)
        {
            recorder.Failed(e);
            return false;
        }
    }

    public void Dispose() => Device.Dispose();
}
