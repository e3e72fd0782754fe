using System.Text.Json.Nodes;
using Tanaka.Crdt;
using Tanaka.Crdt.Types;
using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;

namespace Tanaka.Server.Tests.Repositories;

/// <summary>
/// A browser's workspace document built with Tanaka.Crdt, shaped as the extension shapes it
/// (top-level map <c>tabs</c>: tab id -> map of fields). Every edit returns the Yjs update a
/// device would send, so tests build stored workspaces from real updates.
/// </summary>
internal sealed class TabDocument(ulong clientId)
{
    public YDoc Doc { get; } = new(clientId);

    private YMap Tabs => Doc.GetMap("tabs");

    public byte[] Open(string id, string window, int index, string title, long updatedAtMs = 1_750_000_000_000) => Doc.Transact(() =>
    {
        var tab = Tabs.SetMap(id);
        tab.Set("window_id", window);
        tab.Set("url", $"https://example.com/{id}");
        tab.Set("title", title);
        tab.Set("fav_icon_url", $"https://example.com/{id}.ico");
        tab.Set("index", index);
        tab.Set("active", index == 0);
        tab.Set("pinned", false);
        tab.Set("updated_at", updatedAtMs);
    });

    public byte[] Retitle(string id, string title) => Doc.Transact(() => ((YMap)Tabs.Get(id)!).Set("title", title));

    public byte[] Close(string id) => Doc.Transact(() => Tabs.Delete(id));

    public void Receive(byte[] update) => Doc.ApplyUpdate(update);

    /// <summary>The document as storage holds it: the snapshot, then the log after it, applied to an empty document.</summary>
    public static YDoc Rebuild(StoredDocument stored)
    {
        var doc = new YDoc(clientId: 999);
        if (stored.Snapshot is { } snapshot)
        {
            doc.ApplyUpdate(snapshot.State);
        }

        foreach (var entry in stored.Log)
        {
            doc.ApplyUpdate(entry.Update);
        }

        return doc;
    }

    /// <summary>The compacted form of a loaded document, covering exactly what the load saw.</summary>
    public static DocumentSnapshot Compact(StoredDocument stored, DateTimeOffset at)
    {
        var doc = Rebuild(stored);
        return new DocumentSnapshot(stored.WorkspaceId, doc.EncodeStateAsUpdate(), doc.EncodeStateVector(), stored.Clock, at);
    }

    /// <summary>
    /// The document's JSON with object keys sorted. Map key order is integration order, and a
    /// document loaded from one state update integrates clients in descending id order (as Yjs
    /// does), so the same content can list keys in another order.
    /// </summary>
    public static string CanonicalJson(YDoc doc) => Canonical(doc.ToJson())!.ToJsonString();

    /// <summary>The document's <c>tabs</c> map as materialized rows would hold it.</summary>
    public static IReadOnlyList<Tab> TabsOf(YDoc doc)
    {
        var tabs = doc.ToJson()["tabs"]?.AsObject() ?? [];
        return [.. tabs.Select(pair => TabOf(pair.Key, pair.Value!.AsObject())).OrderBy(t => t.Id, StringComparer.Ordinal)];
    }

    public static Tab TabOf(string id, JsonObject fields) => new(
        id,
        fields["window_id"]?.GetValue<string>(),
        fields["url"]?.GetValue<string>(),
        fields["title"]?.GetValue<string>(),
        fields["fav_icon_url"]?.GetValue<string>(),
        fields["index"] is { } index ? (long)index.GetValue<double>() : null,
        fields["active"]?.GetValue<bool>() ?? false,
        fields["pinned"]?.GetValue<bool>() ?? false,
        DateTimeOffset.FromUnixTimeMilliseconds((long)(fields["updated_at"]?.GetValue<double>() ?? 0)));

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        _ => node?.DeepClone(),
    };

    public Tab? Tab(string id) => TabsOf(Doc).SingleOrDefault(t => t.Id == id);
}
