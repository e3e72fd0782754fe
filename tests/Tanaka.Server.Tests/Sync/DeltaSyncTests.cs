using Microsoft.Extensions.DependencyInjection;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>A device that syncs again receives only what changed since, however it says what it has.</summary>
public sealed class DeltaSyncTests
{
    private const string Token = "delta-test-token";
    private const int TabCount = 200;

    [Theory]
    [InlineData(SyncMode.StateVector)]
    [InlineData(SyncMode.SinceClock)]
    [InlineData(SyncMode.Both)]
    public async Task A_second_sync_receives_only_the_change(SyncMode mode)
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var writer = new TestDevice(client, "writer");
        using var reader = new TestDevice(client, "reader");
        for (var i = 0; i < TabCount; i++)
        {
            writer.SetTab($"tab-{i}", $"https://example.com/articles/{i}", $"An article with a fairly ordinary title {i}", i);
        }

        await writer.SyncAsync();
        var first = await reader.SyncAsync(mode);
        reader.Tabs.Count.ShouldBe(TabCount);

        writer.SetTabField("tab-7", "title", "Changed");
        var change = writer.Unsent!;
        await writer.SyncAsync();
        var second = await reader.SyncAsync(mode);

        reader.StateJson().ShouldBe(writer.StateJson());
        second.Update.ShouldNotBeNull();
        first.Update!.Length.ShouldBeGreaterThan(10_000);
        // The change itself plus, at most, the document's delete set: a small fraction of the state.
        second.Update.Length.ShouldBeLessThan(first.Update.Length / 50);
        second.Update.Length.ShouldBeLessThan(change.Length + 64);
    }

    [Fact]
    public async Task With_state_vector_and_since_clock_old_deletions_stay_home()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var writer = new TestDevice(client, "writer");
        using var both = new TestDevice(client, "both");
        using var stateVectorOnly = new TestDevice(client, "state-vector-only");
        for (var i = 0; i < 20; i++)
        {
            writer.SetTab($"tab-{i}", $"https://example.com/{i}", $"Tab {i}", i);
        }

        // A day of browsing: every overwritten title leaves a deletion in the document.
        for (var round = 0; round < 10; round++)
        {
            for (var i = 0; i < 20; i++)
            {
                writer.SetTabField($"tab-{i}", "title", $"Tab {i}, visit {round}");
                // A field that stays, between the overwritten titles: their deletions do not coalesce.
                writer.SetTabField($"tab-{i}", $"visit_{round}", true);
            }

            await writer.SyncAsync();
        }

        await both.SyncAsync(SyncMode.Both);
        await stateVectorOnly.SyncAsync(SyncMode.StateVector);
        writer.SetTabField("tab-3", "title", "The one change");
        var change = writer.Unsent!;
        await writer.SyncAsync();

        var viaBoth = await both.SyncAsync(SyncMode.Both);
        var viaStateVector = await stateVectorOnly.SyncAsync(SyncMode.StateVector);

        both.StateJson().ShouldBe(writer.StateJson());
        stateVectorOnly.StateJson().ShouldBe(writer.StateJson());
        viaBoth.Update!.Length.ShouldBeLessThan(change.Length + 32, "the change and its own deletion");
        viaStateVector.Update!.Length.ShouldBeGreaterThan(change.Length + 200, "the whole delete set: 200 overwritten titles");
    }

    [Fact]
    public async Task A_device_that_has_everything_receives_no_update()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var device = new TestDevice(client, "device");
        device.SetTab("a", "https://a.example/", "A", 0);
        device.SetTab("b", "https://b.example/", "B", 1);

        var first = await device.SyncAsync(SyncMode.StateVector);
        device.SetTab("c", "https://c.example/", "C", 2);
        var own = await device.SyncAsync(SyncMode.SinceClock);
        var again = await device.SyncAsync(SyncMode.StateVector);
        var sinceClock = await device.SyncAsync(SyncMode.SinceClock);

        first.Update.ShouldBeNull("the state vector covers the device's own update");
        own.Update.ShouldBeNull("the entry this very request logged is not sent back");
        again.Update.ShouldBeNull();
        sinceClock.Update.ShouldBeNull();
        again.StateVector.ShouldBeNull("the server holds what the device's state vector names, so both hold the same");
    }

    [Fact]
    public async Task Without_state_vector_or_clock_the_device_receives_the_full_state()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var writer = new TestDevice(client, "writer");
        writer.SetTab("a", "https://a.example/", "A", 0);
        await writer.SyncAsync();
        writer.SetTabField("a", "title", "A again");
        writer.DeleteTab("a");
        writer.SetTab("b", "https://b.example/", "B", 1);
        await writer.SyncAsync();

        var reply = await SyncApi.SyncAsync(client, SyncApi.Body("fresh"));

        TestDocuments.TabsAndWindows(TestDocuments.FromUpdate(reply.Update)).ShouldBe(writer.StateJson());
    }

    [Fact]
    public async Task A_since_clock_older_than_the_snapshot_receives_the_full_state()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var writer = new TestDevice(client, "writer");
        using var reader = new TestDevice(client, "reader");
        writer.SetTab("a", "https://a.example/", "A", 0);
        await writer.SyncAsync();
        await reader.SyncAsync(SyncMode.SinceClock);
        writer.SetTab("b", "https://b.example/", "B", 1);
        await writer.SyncAsync();
        writer.SetTab("c", "https://c.example/", "C", 2);
        await writer.SyncAsync();

        (await server.Services.GetRequiredService<CompactionService>().CompactAsync("default", TestContext.Current.CancellationToken))!.Applied.ShouldBeTrue();
        // Until a restart the server still has the compacted entries in memory and answers with them alone.
        var since = reader.ServerClock;
        var fromMemory = await reader.SyncAsync(SyncMode.SinceClock);
        reader.StateJson().ShouldBe(writer.StateJson());
        var fullState = await SyncApi.SyncAsync(client, SyncApi.Body("observer"));
        fromMemory.Update!.Length.ShouldBeLessThan(fullState.Update!.Length);

        // After a restart only the snapshot has them.
        await server.RestartAsync();
        using var restarted = server.CreateClient(Token);
        var reply = await SyncApi.SyncAsync(restarted, SyncApi.Body("late-reader", sinceClock: since));

        TestDocuments.TabsAndWindows(TestDocuments.FromUpdate(reply.Update)).ShouldBe(writer.StateJson(), "the answer is the full state");
    }

    [Fact]
    public async Task A_since_clock_from_the_future_receives_the_full_state()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var writer = new TestDevice(client, "writer");
        writer.SetTab("a", "https://a.example/", "A", 0);
        await writer.SyncAsync();

        // A device that synced with a server whose database was since replaced.
        var reply = await SyncApi.SyncAsync(client, SyncApi.Body("stale", sinceClock: 1_000_000));

        TestDocuments.TabsAndWindows(TestDocuments.FromUpdate(reply.Update)).ShouldBe(writer.StateJson());
    }

    [Fact]
    public async Task Clocks_follow_the_larger_of_server_and_device_clock()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var device = new TestDevice(client, "device");
        device.SetTab("a", "https://a.example/", "A", 0);

        var first = await SyncApi.SyncAsync(client, SyncApi.Body("device", device.Unsent, clock: 500));
        device.SetTab("b", "https://b.example/", "B", 1);
        var second = await SyncApi.SyncAsync(client, SyncApi.Body("other", TestDocuments.FromUpdate(null).EncodeStateAsUpdate(), clock: 3));
        var third = await SyncApi.SyncAsync(client, SyncApi.Body("device", device.Unsent, clock: 2));

        first.Clock.ShouldBe(501);
        second.Clock.ShouldBe(501, "an update that brings nothing is not logged and does not tick the clock");
        third.Clock.ShouldBe(502);
    }
}
