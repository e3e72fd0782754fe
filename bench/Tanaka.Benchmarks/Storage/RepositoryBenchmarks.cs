using BenchmarkDotNet.Attributes;
using Tanaka.Client.Devices;
using Tanaka.Crdt;
using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;

namespace Tanaka.Benchmarks.Storage;

/// <summary>
/// The SQLite repositories on a temp file, holding the benchmark workspace as the server would
/// after its history: 1001 log entries (the yjs-generated updates) and a materialized row per tab.
/// </summary>
[MemoryDiagnoser]
public class RepositoryBenchmarks
{
    private const string WorkspaceId = "bench";
    private ServerServices _server = null!;
    private IWorkspaceStore _store = null!;
    private ITabRepository _tabs = null!;
    private WorkspaceInput _input = null!;
    private Tab _tab = null!;
    private long _hundredBehind;

    [GlobalSetup]
    public void Setup()
    {
        _input = WorkspaceInput.Instance;
        _server = ServerServices.Start(withSync: false);
        _store = _server.Get<IWorkspaceStore>();
        _tabs = _server.Get<ITabRepository>();
        var doc = new YDoc();
        doc.ApplyUpdate(_input.Full);
        var at = DateTimeOffset.UtcNow;
        var rows = new WorkspaceDocument(doc).ListTabs()
            .Select(t => new Tab(t.Id, t.WindowId, t.Url, t.Title, t.FavIconUrl, t.Index, t.Active, t.Pinned, t.UpdatedAt))
            .ToList();
        _tab = rows[0];
        var clocks = new List<long>();
        for (var i = 0; i < _input.Updates.Count; i++)
        {
            var commit = new WorkspaceCommit(WorkspaceId, $"device-{i % 4}", at)
            {
                Update = _input.Updates[i],
                UpsertedTabs = i == 0 ? rows : [],
            };
            clocks.Add(_store.CommitAsync(commit).GetAwaiter().GetResult().Clock);
        }

        _hundredBehind = clocks[^101];
    }

    [GlobalCleanup]
    public void Cleanup() => _server.Dispose();

    /// <summary>One accepted sync's write: a log entry, one tab row and the device's sync state, in one transaction.</summary>
    [Benchmark]
    public Task<CommitResult> CommitOneChange() =>
        _store.CommitAsync(new WorkspaceCommit(WorkspaceId, "device-a", DateTimeOffset.UtcNow)
        {
            Update = _input.LastEdit,
            UpsertedTabs = [_tab],
        });

    /// <summary>A sync that changed nothing still records the device's sync state.</summary>
    [Benchmark]
    public Task<CommitResult> CommitSyncStateOnly() =>
        _store.CommitAsync(new WorkspaceCommit(WorkspaceId, "device-b", DateTimeOffset.UtcNow));

    /// <summary>The 100 newest log entries: one range scan (a device 100 edits behind, since_clock).</summary>
    [Benchmark]
    public Task<LogSlice> ReadLogAfter100() => _store.ReadLogAfterAsync(WorkspaceId, _hundredBehind);

    /// <summary>Snapshot plus the whole log (1001 entries): what a cache miss reads.</summary>
    [Benchmark]
    public Task<StoredDocument> LoadDocument() => _store.LoadAsync(WorkspaceId);

    /// <summary>Every materialized tab (GET /tabs).</summary>
    [Benchmark]
    public Task<IReadOnlyList<TabRow>> ListTabs() => _tabs.ListAsync(WorkspaceId);
}
