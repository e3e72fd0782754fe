using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Tanaka.Client.Devices;
using Tanaka.Crdt;
using Tanaka.Crdt.Updates;

namespace Tanaka.Benchmarks.Crdt;

/// <summary>
/// Tanaka.Crdt on the yjs-generated workspace (bench/data/workspace.json: 200+ tabs, 10 windows,
/// the 1001 updates of its history). Method names match bench/node/yjs-bench.mjs, which times
/// yjs and ywasm on the same bytes, so the two reports line up operation by operation.
/// </summary>
[MemoryDiagnoser]
public class WorkspaceBenchmarks
{
    private WorkspaceInput _input = null!;
    private YDoc _loaded = null!;
    private List<TabState> _tabs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = WorkspaceInput.Instance;
        _loaded = new YDoc();
        _loaded.ApplyUpdate(_input.Full);
        // Build input: the final workspace's tabs in id order, as yjs-bench.mjs builds them.
        _tabs = [.. new WorkspaceDocument(_loaded).ListTabs().OrderBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <summary>Reads every struct of the full state (yjs: <c>Y.decodeUpdate</c>).</summary>
    [Benchmark]
    public DecodedUpdate Decode() => UpdateDecoder.Decode(_input.Full);

    /// <summary>The server's check of an incoming update, here the full state (no yjs equivalent).</summary>
    [Benchmark]
    public void Validate() => YUpdate.Validate(_input.Full);

    /// <summary>Merges the whole history into one update (<c>Y.mergeUpdates</c>): what compaction and since_clock answers do.</summary>
    [Benchmark]
    public byte[] MergeLog() => YUpdate.Merge(_input.Updates);

    /// <summary>What a device halfway through the history lacks, from the full state update (<c>Y.diffUpdate</c>).</summary>
    [Benchmark]
    public byte[] Diff() => YUpdate.Diff(_input.Full, _input.MidStateVector);

    [Benchmark]
    public byte[] StateVectorFromUpdate() => YUpdate.EncodeStateVectorFromUpdate(_input.Full);

    /// <summary>A new document loads the full state (a cache miss loading a snapshot).</summary>
    [Benchmark]
    public YDoc ApplyFull()
    {
        var doc = new YDoc();
        doc.ApplyUpdate(_input.Full);
        return doc;
    }

    /// <summary>A new document replays the 1001 updates one by one (a cache miss loading an uncompacted log).</summary>
    [Benchmark]
    public YDoc ApplyLog()
    {
        var doc = new YDoc();
        foreach (var update in _input.Updates)
        {
            doc.ApplyUpdate(update);
        }

        return doc;
    }

    /// <summary>The loaded document's full state (a device joining without a state vector).</summary>
    [Benchmark]
    public byte[] EncodeState() => _loaded.EncodeStateAsUpdate();

    /// <summary>What a device halfway through lacks, from the loaded document (the state-vector answer of POST /sync).</summary>
    [Benchmark]
    public byte[] EncodeDiff() => _loaded.EncodeStateAsUpdate(_input.MidStateVector);

    [Benchmark]
    public byte[] EncodeStateVector() => _loaded.EncodeStateVector();

    /// <summary>Both roots as JSON (what materializing tabs reads).</summary>
    [Benchmark]
    public (JsonObject, JsonObject) ToJson() => (_loaded.GetMap("tabs").ToJson(), _loaded.GetMap("windows").ToJson());

    /// <summary>Builds the workspace's tabs as nested maps with local edits in one transaction.</summary>
    [Benchmark]
    public YDoc BuildWorkspace()
    {
        var doc = new YDoc();
        var tabs = doc.GetMap("tabs");
        doc.Transact(() =>
        {
            foreach (var tab in _tabs)
            {
                var map = tabs.SetMap(tab.Id);
                map.Set("window_id", tab.WindowId);
                map.Set("url", tab.Url);
                map.Set("title", tab.Title);
                map.Set("index", tab.Index);
                map.Set("active", tab.Active);
                map.Set("pinned", tab.Pinned);
                map.Set("updated_at", tab.UpdatedAt.ToUnixTimeMilliseconds());
            }
        });
        return doc;
    }
}
