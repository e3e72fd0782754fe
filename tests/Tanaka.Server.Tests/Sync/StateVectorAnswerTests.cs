using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>
/// The server's state vector travels only when the device cannot be sure it holds what the server
/// holds once it applied the answer (docs/PROTOCOL.md, "What the answer holds").
/// </summary>
public sealed class StateVectorAnswerTests
{
    private const string Token = "state-vector-answer-token";

    [Fact]
    public async Task A_device_in_step_by_since_clock_gets_no_state_vector_after_its_first_sync()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var writer = new TestDevice(client, "writer");
        using var reader = new TestDevice(client, "reader");
        writer.SetTab("a", "https://a.example/", "A", 0);
        await writer.SyncAsync();

        var join = await reader.SyncAsync(SyncMode.SinceClock);
        writer.SetTab("b", "https://b.example/", "B", 1);
        await writer.SyncAsync();
        var next = await reader.SyncAsync(SyncMode.SinceClock);
        var quiet = await reader.SyncAsync(SyncMode.SinceClock);

        join.StateVector.ShouldNotBeNull("a device syncing without since_clock cannot be vouched for");
        next.StateVector.ShouldBeNull();
        next.Update.ShouldNotBeNull();
        quiet.StateVector.ShouldBeNull();
        quiet.Update.ShouldBeNull();
        reader.StateJson().ShouldBe(writer.StateJson());
    }

    [Fact]
    public async Task A_since_clock_the_server_did_not_answer_this_device_with_brings_the_state_vector()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var writer = new TestDevice(client, "writer");
        writer.SetTab("a", "https://a.example/", "A", 0);
        var first = await writer.SyncAsync();
        writer.SetTab("b", "https://b.example/", "B", 1);
        var second = await writer.SyncAsync(SyncMode.SinceClock);

        // The device lost the second answer (or was restored from a backup) and asks from the first clock again.
        var replayed = await SyncApi.SyncAsync(client, SyncApi.Body("writer", sinceClock: first.Clock));
        // Another device claiming the writer's clock is not in step either.
        var stranger = await SyncApi.SyncAsync(client, SyncApi.Body("stranger", sinceClock: second.Clock));

        replayed.StateVector.ShouldBe(writer.Doc.EncodeStateVector());
        stranger.StateVector.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_state_vector_naming_content_the_server_lacks_brings_the_servers_state_vector()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var device = new TestDevice(client, "device");
        device.SetTab("a", "https://a.example/", "A", 0);
        await device.SyncAsync(SyncMode.Both);
        device.SetTab("b", "https://b.example/", "B", 1);

        // As after a server restored from an older backup: the device has content it believes sent.
        var reply = await SyncApi.SyncAsync(client, SyncApi.Body("device", stateVector: device.Doc.EncodeStateVector(), sinceClock: device.ServerClock));

        reply.StateVector.ShouldNotBeNull();
        reply.StateVector.ShouldNotBe(device.Doc.EncodeStateVector(), "the device can see that the server lacks its tab b");
    }

    [Fact]
    public async Task After_a_restart_every_device_gets_the_state_vector_once()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using (var client = server.CreateClient(Token))
        {
            using var device = new TestDevice(client, "device");
            device.SetTab("a", "https://a.example/", "A", 0);
            await device.SyncAsync(SyncMode.Both);
            (await device.SyncAsync(SyncMode.SinceClock)).StateVector.ShouldBeNull();
            await server.RestartAsync();
        }

        using var restarted = server.CreateClient(Token);
        var clock = (await SyncApi.SyncAsync(restarted, SyncApi.Body("observer"))).Clock;
        var afterRestart = await SyncApi.SyncAsync(restarted, SyncApi.Body("device", sinceClock: clock));
        var again = await SyncApi.SyncAsync(restarted, SyncApi.Body("device", sinceClock: afterRestart.Clock));

        afterRestart.StateVector.ShouldNotBeNull("this server instance never answered the device");
        again.StateVector.ShouldBeNull();
    }
}
