using Microsoft.Extensions.DependencyInjection;
using Tanaka.Crdt;
using Tanaka.Server.Repositories;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>
/// Everything a workspace is, seen from outside and inside: the document as storage would
/// rebuild it, the document in the cache, the log, and the rows GET /tabs and /windows serve.
/// Two captures are equal when nothing about the workspace changed.
/// </summary>
internal sealed record ServerState(string StoredState, string? CachedState, string StoredJson, int LogEntries, long HighestClock, string Tabs, string Windows)
{
    public static async Task<ServerState> CaptureAsync(TanakaServer server, HttpClient client, string workspaceId = "default")
    {
        var cancel = TestContext.Current.CancellationToken;
        var store = server.Services.GetRequiredService<IWorkspaceStore>();
        var stored = WorkspaceDocument.Load(await store.LoadAsync(workspaceId, cancel), CrdtLimits.Default);
        var cache = server.Services.GetRequiredService<WorkspaceDocumentCache>();
        var cached = cache.TryGet(workspaceId, out var document) ? Convert.ToBase64String(document.Doc.EncodeStateAsUpdate()) : null;
        var stats = await store.GetLogStatsAsync(workspaceId, cancel);
        return new ServerState(
            Convert.ToBase64String(stored.Doc.EncodeStateAsUpdate()),
            cached,
            TestDocuments.TabsAndWindows(stored.Doc),
            stats.Entries,
            stats.HighestClock,
            (await SyncApi.GetRowsAsync(client, "tabs")).ToJsonString(),
            (await SyncApi.GetRowsAsync(client, "windows")).ToJsonString());
    }

    /// <summary>Asserts nothing changed, allowing the cache to have dropped the document (it reloads the same state).</summary>
    public void ShouldBeUnchangedIn(ServerState after)
    {
        after.StoredState.ShouldBe(StoredState);
        after.StoredJson.ShouldBe(StoredJson);
        after.LogEntries.ShouldBe(LogEntries);
        after.HighestClock.ShouldBe(HighestClock);
        after.Tabs.ShouldBe(Tabs);
        after.Windows.ShouldBe(Windows);
        if (after.CachedState is not null)
        {
            TestDocuments.TabsAndWindows(TestDocuments.FromUpdate(Convert.FromBase64String(after.CachedState))).ShouldBe(StoredJson);
        }
    }
}
