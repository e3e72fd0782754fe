using Microsoft.Extensions.DependencyInjection;
using Tanaka.Server.Repositories;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>The document cache is bounded and counted; compaction folds the log without changing the document.</summary>
public sealed class CacheAndCompactionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hot_documents_are_served_from_memory_and_the_least_recent_is_evicted()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["cache.max_documents"] = "2" });
        var auth = server.Services.GetRequiredService<IAuthService>();
        var cache = server.Services.GetRequiredService<WorkspaceDocumentCache>();
        var clients = new List<HttpClient>();
        foreach (var workspace in new[] { "ws-a", "ws-b", "ws-c" })
        {
            clients.Add(server.CreateClient((await auth.CreateTokenAsync(workspace, workspace, Cancel)).Token));
        }

        await SyncApi.SyncAsync(clients[0], SyncApi.Body("d"));
        await SyncApi.SyncAsync(clients[0], SyncApi.Body("d"));
        await SyncApi.SyncAsync(clients[1], SyncApi.Body("d"));
        (cache.Hits, cache.Misses, cache.Evictions, cache.Count).ShouldBe((1L, 2L, 0L, 2));

        await SyncApi.SyncAsync(clients[0], SyncApi.Body("d"));
        await SyncApi.SyncAsync(clients[2], SyncApi.Body("d"));
        (cache.Hits, cache.Misses, cache.Evictions, cache.Count).ShouldBe((2L, 3L, 1L, 2));
        cache.TryGet("ws-b", out _).ShouldBeFalse("ws-b was the least recently used");
        cache.TryGet("ws-a", out _).ShouldBeTrue();

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task An_evicted_document_reloads_with_everything_it_had()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["cache.max_documents"] = "1" });
        var auth = server.Services.GetRequiredService<IAuthService>();
        using var clientA = server.CreateClient((await auth.CreateTokenAsync("a", "ws-a", Cancel)).Token);
        using var clientB = server.CreateClient((await auth.CreateTokenAsync("b", "ws-b", Cancel)).Token);
        using var deviceA = new TestDevice(clientA, "device-a");
        using var deviceB = new TestDevice(clientB, "device-b");

        for (var i = 0; i < 4; i++)
        {
            deviceA.SetTab($"a{i}", "https://a.example/", $"A{i}", i);
            deviceB.SetTab($"b{i}", "https://b.example/", $"B{i}", i);
            await deviceA.SyncAsync();
            await deviceB.SyncAsync();
        }

        var cache = server.Services.GetRequiredService<WorkspaceDocumentCache>();
        cache.Evictions.ShouldBeGreaterThanOrEqualTo(7);
        using var readerA = new TestDevice(clientA, "reader-a");
        await readerA.SyncAsync();
        readerA.StateJson().ShouldBe(deviceA.StateJson());
        readerA.Tabs.Keys.ShouldAllBe(k => k.StartsWith('a'));
    }

    [Fact]
    public async Task Compaction_folds_a_long_log_into_a_snapshot_without_changing_the_document()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?>
        {
            ["auth.token"] = "compaction-token",
            ["compaction.log_threshold"] = "10",
        });
        using var client = server.CreateClient("compaction-token");
        using var device = new TestDevice(client, "device");
        var store = server.Services.GetRequiredService<IWorkspaceStore>();
        var compaction = server.Services.GetRequiredService<CompactionService>();
        for (var i = 0; i < 9; i++)
        {
            device.SetTab($"tab-{i % 4}", $"https://example.com/{i}", $"Tab {i}", i);
            await device.SyncAsync();
        }

        (await compaction.CompactDueAsync(Cancel)).ShouldBe(0, "9 entries are under the threshold");
        device.DeleteTab("tab-0");
        await device.SyncAsync();
        var before = await ServerState.CaptureAsync(server, client);

        (await compaction.CompactDueAsync(Cancel)).ShouldBe(1);

        var stats = await store.GetLogStatsAsync("default", Cancel);
        stats.Entries.ShouldBe(0);
        stats.SnapshotClock.ShouldBe(before.HighestClock);
        var after = await ServerState.CaptureAsync(server, client);
        after.StoredJson.ShouldBe(before.StoredJson);
        after.Tabs.ShouldBe(before.Tabs);
        await server.RestartAsync();
        using var restarted = server.CreateClient("compaction-token");
        using var reader = new TestDevice(restarted, "reader");
        await reader.SyncAsync();
        reader.StateJson().ShouldBe(device.StateJson());
        (await server.Services.GetRequiredService<CompactionService>().CompactAsync("default", Cancel)).ShouldBeNull("nothing was logged since");
    }
}
