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
    private long _lastClock;
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
        _serverStateVector = joined.StateVector ?? throw new InvalidOperationException("A join is always answered with the state vector.");
        _lastClock = joined.Clock;
    }

    [GlobalCleanup]
    public void Cleanup() => _server.Dispose();

    /// <summary>A device changes one title and syncs with its state vector alone: the answer carries the whole delete set (Yjs's diff).</summary>
    [Benchmark]
    public SyncResult SyncOneChange() => SyncOneTitle(stateVector: true, sinceClock: false);

    /// <summary>The same with state vector and since_clock (StateVectorPolicy.Always): only the deletions logged since travel.</summary>
    [Benchmark]
    public SyncResult SyncOneChangeWithSinceClock() => SyncOneTitle(stateVector: true, sinceClock: true);

    /// <summary>The steady state of Tanaka.Client's default (StateVectorPolicy.WhenNeeded): since_clock alone.</summary>
    [Benchmark]
    public SyncResult SyncOneChangeSinceClockOnly() => SyncOneTitle(stateVector: false, sinceClock: true);

    /// <summary>A poll that finds nothing new (state vector equal to the server's).</summary>
    [Benchmark]
    public SyncResult SyncNothingNew() => Sync(new SyncRequest("device-b") { StateVector = _serverStateVector });

    /// <summary>A device 100 edits behind asks with since_clock only: log range read plus merge.</summary>
    [Benchmark]
    public SyncResult SyncSinceClock100Behind() => Sync(new SyncRequest("device-c") { SinceClock = _hundredBehind });

    /// <summary>A new device downloads the whole workspace.</summary>
    [Benchmark]
    public SyncResult SyncJoin() => Sync(new SyncRequest("device-d"));

    private SyncResult SyncOneTitle(bool stateVector, bool sinceClock)
    {
        var updates = new List<byte[]>(1);
        void Collect(byte[] u) => updates.Add(u);
        _device.Document.Updated += Collect;
        _device.SetTitle(_tabId, (++_edits & 1) == 0 ? "Benchmark title, even" : "Benchmark title, odd");
        _device.Document.Updated -= Collect;
        var result = Sync(new SyncRequest("device-a")
        {
            Clock = _edits,
            SinceClock = sinceClock ? _lastClock : null,
            StateVector = stateVector ? _device.Document.EncodeStateVector() : null,
            Update = updates[0],
        });
        _lastClock = result.Clock;
        return result;
    }

    private SyncResult Sync(SyncRequest request) => _sync.SyncAsync(WorkspaceId, request).GetAwaiter().GetResult();
}
