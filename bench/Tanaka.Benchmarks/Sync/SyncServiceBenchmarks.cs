using BenchmarkDotNet.Attributes;
using Tanaka.Crdt;
using Tanaka.Server.Services;
using DeviceWorkspace = Tanaka.Client.Devices.WorkspaceDocument;

namespace Tanaka.Benchmarks.Sync;

/// <summary>
/// The whole <see cref="ISyncService"/> path in process (rate limit, workspace lock, cached
/// document, decode, merge, domain rules, materialized rows, SQLite commit, answer), on the
/// benchmark workspace replayed as 1001 syncs. HTTP and JSON are not included: the load harness
/// measures those.
/// </summary>
[MemoryDiagnoser]
public class SyncServiceBenchmarks
{
    private const string WorkspaceId = "bench";
    private ServerServices _server = null!;
    private ISyncService _sync = null!;
    private DeviceWorkspace _device = null!;
    private string _tabId = null!;
    private byte[] _serverStateVector = null!;
    private long _hundredBehind;
    private int _edits;

    [GlobalSetup]
    public void Setup()
    {
        var input = WorkspaceInput.Instance;
        _server = ServerServices.Start(withSync: true);
        _sync = _server.Get<ISyncService>();
        var clocks = new List<long>();
        foreach (var update in input.Updates)
        {
            clocks.Add(Sync(new SyncRequest("history") { Update = update }).Clock);
        }

        _hundredBehind = clocks[^101];
        _device = new DeviceWorkspace(new YDoc());
        var joined = Sync(new SyncRequest("device-a"));
        _device.Document.ApplyUpdate(joined.Update ?? throw new InvalidOperationException("The join answered nothing."));
        _tabId = _device.ListTabs()[0].Id;
        _serverStateVector = joined.StateVector;
    }

    [GlobalCleanup]
    public void Cleanup() => _server.Dispose();

    /// <summary>The steady state: a device changes one title and syncs with its state vector.</summary>
    [Benchmark]
    public SyncResult SyncOneChange()
    {
        var updates = new List<byte[]>(1);
        void Collect(byte[] u) => updates.Add(u);
        _device.Document.Updated += Collect;
        _device.SetTitle(_tabId, (++_edits & 1) == 0 ? "Benchmark title, even" : "Benchmark title, odd");
        _device.Document.Updated -= Collect;
        return Sync(new SyncRequest("device-a")
        {
            Clock = _edits,
            StateVector = _device.Document.EncodeStateVector(),
            Update = updates[0],
        });
    }

    /// <summary>A poll that finds nothing new (state vector equal to the server's).</summary>
    [Benchmark]
    public SyncResult SyncNothingNew() => Sync(new SyncRequest("device-b") { StateVector = _serverStateVector });

    /// <summary>A device 100 edits behind asks with since_clock only: log range read plus merge.</summary>
    [Benchmark]
    public SyncResult SyncSinceClock100Behind() => Sync(new SyncRequest("device-c") { SinceClock = _hundredBehind });

    /// <summary>A new device downloads the whole workspace.</summary>
    [Benchmark]
    public SyncResult SyncJoin() => Sync(new SyncRequest("device-d"));

    private SyncResult Sync(SyncRequest request) => _sync.SyncAsync(WorkspaceId, request).GetAwaiter().GetResult();
}
