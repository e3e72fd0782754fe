using System.Text.Json.Nodes;
using Tanaka.Crdt;
using Tanaka.Crdt.Types;

namespace Tanaka.Server.Tests.Sync;

/// <summary>How a device tells the server what it has.</summary>
public enum SyncMode
{
    StateVector,
    SinceClock,
    Nothing,

    /// <summary>State vector and since_clock, as Tanaka.Client and the TypeScript client send them.</summary>
    Both,
}

/// <summary>
/// A browser in miniature: a Tanaka.Crdt document edited with the extension's schema, whose local
/// transactions are queued and sent on the next sync (merged), with the answer applied.
/// </summary>
internal sealed class TestDevice : IDisposable
{
    private readonly HttpClient _client;
    private readonly List<byte[]> _unsent = [];
    private bool _applyingRemote;

    public TestDevice(HttpClient client, string deviceId, ulong? clientId = null)
    {
        _client = client;
        DeviceId = deviceId;
        Doc = new YDoc(clientId);
        Doc.Updated += OnUpdated;
    }

    public string DeviceId { get; }

    public YDoc Doc { get; }

    public long Clock { get; private set; }

    public long? ServerClock { get; private set; }

    public YMap Tabs => Doc.GetMap("tabs");

    public YMap Windows => Doc.GetMap("windows");

    public int UnsentCount => _unsent.Count;

    /// <summary>The queued local changes as one update (null when none).</summary>
    public byte[]? Unsent => _unsent.Count switch
    {
        0 => null,
        1 => _unsent[0],
        _ => YUpdate.Merge(_unsent),
    };

    public async Task<SyncReply> SyncAsync(SyncMode mode = SyncMode.StateVector)
    {
        var body = SyncApi.Body(
            DeviceId,
            Unsent,
            mode is SyncMode.StateVector or SyncMode.Both ? Doc.EncodeStateVector() : null,
            Clock,
            mode is SyncMode.SinceClock or SyncMode.Both ? ServerClock : null);
        var reply = await SyncApi.SyncAsync(_client, body);
        _unsent.Clear();
        Receive(reply.Update);
        ServerClock = reply.Clock;
        Clock = Math.Max(Clock, reply.Clock);
        return reply;
    }

    /// <summary>Applies an update from elsewhere without queueing it to send back.</summary>
    public void Receive(byte[]? update)
    {
        if (update is null)
        {
            return;
        }

        _applyingRemote = true;
        try
        {
            Doc.ApplyUpdate(update);
        }
        finally
        {
            _applyingRemote = false;
        }
    }

    public void SetTab(string id, string url, string title, long index, string windowId = "w1", bool active = false)
    {
        Doc.Transact(() =>
        {
            var tab = Tabs.SetMap(id);
            tab.Set("window_id", windowId);
            tab.Set("url", url);
            tab.Set("title", title);
            tab.Set("index", index);
            tab.Set("active", active);
            tab.Set("pinned", false);
            tab.Set("updated_at", 1_700_000_000_000L + index);
        });
    }

    public void SetTabField(string id, string field, object? value) =>
        Doc.Transact(() => ((YMap)Tabs.Get(id)!).Set(field, value));

    public void DeleteTab(string id) => Doc.Transact(() => Tabs.Delete(id));

    public void SetWindow(string id, bool tracked, bool focused) =>
        Doc.Transact(() =>
        {
            var window = Windows.SetMap(id);
            window.Set("tracked", tracked);
            window.Set("focused", focused);
            window.Set("device_id", DeviceId);
        });

    /// <summary>The tabs and windows as JSON text, for comparing replicas.</summary>
    public string StateJson() => TestDocuments.TabsAndWindows(Doc);

    public void Dispose() => Doc.Updated -= OnUpdated;

    private void OnUpdated(byte[] update)
    {
        if (!_applyingRemote)
        {
            _unsent.Add(update);
            Clock++;
        }
    }
}

internal static class TestDocuments
{
    /// <summary>A document built from one update (e.g. the server's full state).</summary>
    public static YDoc FromUpdate(byte[]? update)
    {
        var doc = new YDoc();
        if (update is not null)
        {
            doc.ApplyUpdate(update);
        }

        return doc;
    }

    /// <summary>The <c>tabs</c> and <c>windows</c> maps as JSON text (keys sorted, so replicas compare by value).</summary>
    public static string TabsAndWindows(YDoc doc) =>
        new JsonObject
        {
            ["tabs"] = Sorted(doc.GetMap("tabs").ToJson()),
            ["windows"] = Sorted(doc.GetMap("windows").ToJson()),
        }.ToJsonString();

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
