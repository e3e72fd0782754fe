using Microsoft.Extensions.DependencyInjection;
using Tanaka.Server.Repositories;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>What the log receives: duplicates are not logged, pending updates are, and everything survives a restart.</summary>
public sealed class StorageBehaviourTests
{
    private const string Token = "storage-test-token";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_update_the_server_already_has_adds_no_log_entry()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var device = new TestDevice(client, "device");
        device.SetTab("a", "https://a.example/", "A", 0);
        var update = device.Unsent!;
        var store = server.Services.GetRequiredService<IWorkspaceStore>();

        var first = await SyncApi.SyncAsync(client, SyncApi.Body("device", update));
        var statsAfterFirst = await store.GetLogStatsAsync("default", Cancel);
        var second = await SyncApi.SyncAsync(client, SyncApi.Body("device", update));
        var fromAnother = await SyncApi.SyncAsync(client, SyncApi.Body("another", update));

        statsAfterFirst.Entries.ShouldBe(1);
        (await store.GetLogStatsAsync("default", Cancel)).ShouldBe(statsAfterFirst);
        second.Clock.ShouldBe(first.Clock);
        fromAnother.Clock.ShouldBe(first.Clock);
        var devices = await SyncApi.GetRowsAsync(client, "devices");
        devices.Select(d => d!["device_id"]!.GetValue<string>()).ShouldBe(["another", "device"]);
    }

    [Fact]
    public async Task An_update_whose_dependency_is_missing_is_kept_and_applied_when_it_arrives()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var author = new TestDevice(client, "author");
        author.SetTab("a", "https://a.example/", "A", 0);
        var creates = author.Unsent!;
        await author.SyncAsync(SyncMode.Nothing);
        author.SetTabField("a", "title", "A, renamed");
        author.SetTab("b", "https://b.example/", "B", 1);
        var edits = author.Unsent!;
        var store = server.Services.GetRequiredService<IWorkspaceStore>();

        // A second server receives the edits before what they build on.
        await using var other = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var otherClient = other.CreateClient(Token);
        var otherStore = other.Services.GetRequiredService<IWorkspaceStore>();
        var early = await SyncApi.SyncAsync(otherClient, SyncApi.Body("relay", edits));

        (await otherStore.GetLogStatsAsync("default", Cancel)).Entries.ShouldBe(1, "a pending update is logged, not lost");
        (await SyncApi.GetRowsAsync(otherClient, "tabs")).Count.ShouldBe(0);
        early.StateVector.ShouldBe(TestDocuments.FromUpdate(null).EncodeStateVector(), "nothing could be integrated yet");
        var pendingState = await SyncApi.SyncAsync(otherClient, SyncApi.Body("observer"));
        pendingState.Update.ShouldNotBeNull("the full state carries the pending structs");

        await other.RestartAsync();
        using var restartedClient = other.CreateClient(Token);
        await SyncApi.SyncAsync(restartedClient, SyncApi.Body("relay", creates));

        var tabs = await SyncApi.GetRowsAsync(restartedClient, "tabs");
        tabs.Select(t => t!["id"]!.GetValue<string>()).Order().ShouldBe(["a", "b"]);
        tabs.Single(t => t!["id"]!.GetValue<string>() == "a")!["title"]!.GetValue<string>().ShouldBe("A, renamed");
        var full = await SyncApi.SyncAsync(restartedClient, SyncApi.Body("observer"));
        TestDocuments.TabsAndWindows(TestDocuments.FromUpdate(full.Update)).ShouldBe(author.StateJson());
        (await store.GetLogStatsAsync("default", Cancel)).Entries.ShouldBe(1);
    }

    [Fact]
    public async Task A_restart_loses_nothing_and_clocks_keep_increasing()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        var clocks = new List<long>();
        var client = server.CreateClient(Token);
        var writer = new TestDevice(client, "writer");
        for (var round = 0; round < 3; round++)
        {
            writer.SetTab($"tab-{round}", $"https://example.com/{round}", $"Tab {round}", round);
            clocks.Add((await writer.SyncAsync()).Clock);
            if (round == 1)
            {
                await server.Services.GetRequiredService<CompactionService>().CompactAsync("default", Cancel);
            }

            client.Dispose();
            await server.RestartAsync();
            client = server.CreateClient(Token);
            writer = Reconnect(writer, client);
        }

        using var reader = new TestDevice(client, "reader");
        clocks.Add((await reader.SyncAsync(SyncMode.SinceClock)).Clock);

        reader.StateJson().ShouldBe(writer.StateJson());
        reader.Tabs.Count.ShouldBe(3);
        clocks[1].ShouldBeGreaterThan(clocks[0], "each logged update gets a higher clock, across restarts");
        clocks[2].ShouldBeGreaterThan(clocks[1]);
        clocks[^1].ShouldBe(clocks[^2], "a sync without an update does not tick");
        (await SyncApi.GetRowsAsync(client, "tabs")).Count.ShouldBe(3);
        client.Dispose();
        writer.Dispose();
    }

    [Fact]
    public async Task A_failed_commit_leaves_nothing_behind_and_the_next_sync_sees_storage()
    {
        var probe = new FailingProbe();
        await using var server = await TanakaServer.StartAsync(
            new Dictionary<string, string?> { ["auth.token"] = Token },
            services => services.AddSingleton<ICommitProbe>(probe));
        using var client = server.CreateClient(Token);
        using var device = new TestDevice(client, "device");
        device.SetTab("a", "https://a.example/", "A", 0);
        await device.SyncAsync();
        var before = await ServerState.CaptureAsync(server, client);

        device.SetTab("b", "https://b.example/", "B", 1);
        probe.FailAt = CommitStep.WindowsWritten;
        using var failed = await SyncApi.PostAsync(client, SyncApi.Body("device", device.Unsent));

        failed.StatusCode.ShouldBe(System.Net.HttpStatusCode.InternalServerError);
        var after = await ServerState.CaptureAsync(server, client);
        after.CachedState.ShouldBeNull("the document that took the update was evicted");
        before.ShouldBeUnchangedIn(after);

        probe.FailAt = null;
        var retried = await device.SyncAsync();
        retried.Update.ShouldBeNull();
        (await SyncApi.GetRowsAsync(client, "tabs")).Count.ShouldBe(2);
    }

    private static TestDevice Reconnect(TestDevice device, HttpClient client)
    {
        var replacement = new TestDevice(client, device.DeviceId);
        replacement.Receive(device.Doc.EncodeStateAsUpdate());
        device.Dispose();
        return replacement;
    }

    private sealed class FailingProbe : ICommitProbe
    {
        public CommitStep? FailAt { get; set; }

        public void Reached(CommitStep step)
        {
            if (step == FailAt)
            {
                throw new IOException("Simulated disk failure");
            }
        }
    }
}
