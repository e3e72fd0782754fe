using System.Net;
using System.Text.Json.Nodes;
using Tanaka.Client.Devices;
using Tanaka.Client.Tests.Fakes;
using Tanaka.Crdt;

namespace Tanaka.Client.Tests;

public sealed class SyncingDeviceTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Now = new(2025, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Local_edits_are_sent_merged_and_the_server_document_ends_equal()
    {
        var server = new InMemorySyncServer();
        var handler = server.Handler();
        using var device = Device(handler, "laptop");
        device.Workspace.UpsertWindow(new WindowState("w1", Tracked: true, Focused: true, "laptop"));
        device.Workspace.OpenTab(new TabState("t1", "w1", "https://a.example/", "A", 0));
        device.Workspace.OpenTab(new TabState("t2", "w1", "https://b.example/", "B", 1));
        device.PendingUpdateCount.ShouldBe(3);

        var result = await device.SyncAsync(Ct);

        device.PendingUpdateCount.ShouldBe(0);
        Json(server.Document).ShouldBe(Json(device.Document));
        var sent = JsonNode.Parse(handler.Requests.ShouldHaveSingleItem().Body)!;
        var update = Convert.FromBase64String(sent["update"]!.GetValue<string>());
        result.SentUpdateBytes.ShouldBe(update.Length);
        // The three transactions travel as one update that rebuilds the device's document on its own.
        var rebuilt = new YDoc();
        rebuilt.ApplyUpdate(update);
        Json(rebuilt).ShouldBe(Json(device.Document));
        Convert.FromBase64String(sent["state_vector"]!.GetValue<string>()).ShouldBe(device.Document.EncodeStateVector());
    }

    [Fact]
    public async Task Two_devices_converge_through_the_server()
    {
        var server = new InMemorySyncServer();
        var handler = server.Handler();
        using var laptop = Device(handler, "laptop", clientId: 10);
        using var desktop = Device(handler, "desktop", clientId: 20);
        laptop.Workspace.OpenTab(new TabState("t1", "w1", "https://a.example/", "A", 0));
        await laptop.SyncAsync(Ct);

        var received = await desktop.SyncAsync(Ct);

        received.DocumentChanged.ShouldBeTrue();
        desktop.Workspace.GetTab("t1")!.Url.ShouldBe("https://a.example/");
        desktop.Workspace.SetTitle("t1", "A, renamed").ShouldBeTrue();
        laptop.Workspace.Navigate("t1", "https://c.example/", "C").ShouldBeTrue();
        await desktop.SyncAsync(Ct);
        await laptop.SyncAsync(Ct);
        await desktop.SyncAsync(Ct);

        Json(laptop.Document).ShouldBe(Json(server.Document));
        Json(desktop.Document).ShouldBe(Json(server.Document));
        // Concurrent writes of one key: the higher client id (desktop, 20) wins the title.
        laptop.Workspace.GetTab("t1")!.Title.ShouldBe("A, renamed");
        laptop.Workspace.GetTab("t1")!.Url.ShouldBe("https://c.example/");
    }

    [Fact]
    public async Task Changes_received_from_the_server_are_not_sent_back()
    {
        var server = new InMemorySyncServer();
        var handler = server.Handler();
        using var laptop = Device(handler, "laptop");
        using var desktop = Device(handler, "desktop");
        laptop.Workspace.OpenTab(new TabState("t1", "w1", "https://a.example/", "A", 0));
        await laptop.SyncAsync(Ct);

        await desktop.SyncAsync(Ct);
        desktop.PendingUpdateCount.ShouldBe(0);
        await desktop.SyncAsync(Ct);

        JsonNode.Parse(handler.Requests[^1].Body)!.AsObject().ContainsKey("update").ShouldBeFalse();
    }

    [Fact]
    public async Task The_server_clock_is_sent_back_as_since_clock_and_the_lamport_clock_never_falls_behind_it()
    {
        var server = new InMemorySyncServer();
        var handler = server.Handler();
        using var other = Device(handler, "other");
        for (var i = 0; i < 5; i++)
        {
            other.Workspace.OpenTab(new TabState($"o{i}", "w9", $"https://o{i}.example/", "O", i));
            await other.SyncAsync(Ct);
        }

        using var device = Device(handler, "laptop");
        device.Workspace.OpenTab(new TabState("t1", "w1", "https://a.example/", "A", 0));
        device.Clock.ShouldBe(1);
        await device.SyncAsync(Ct);
        var seen = server.Clock;
        seen.ShouldBeGreaterThan(5);
        device.ServerClock.ShouldBe(seen);
        device.Clock.ShouldBe(seen);

        device.Workspace.SetTitle("t1", "B");
        await device.SyncAsync(Ct);

        var first = JsonNode.Parse(handler.Requests[^2].Body)!.AsObject();
        first.ContainsKey("since_clock").ShouldBeFalse();
        first["clock"]!.GetValue<long>().ShouldBe(1);
        var second = JsonNode.Parse(handler.Requests[^1].Body)!.AsObject();
        second["since_clock"]!.GetValue<long>().ShouldBe(seen);
        second["clock"]!.GetValue<long>().ShouldBe(seen + 1);
    }

    [Fact]
    public async Task A_failed_sync_keeps_the_local_changes_for_the_next_one()
    {
        var server = new InMemorySyncServer();
        var failing = true;
        var inner = server.Handler();
        var handler = new RecordingHandler(request => failing
            ? RecordingHandler.Json("""{"status":503,"code":"unavailable"}""", HttpStatusCode.ServiceUnavailable, "application/problem+json")
            : Forward(inner, request));
        using var device = Device(handler, "laptop");
        device.Workspace.OpenTab(new TabState("t1", "w1", "https://a.example/", "A", 0));

        var e = await Should.ThrowAsync<TanakaApiException>(() => device.SyncAsync(Ct));
        e.Code.ShouldBe("unavailable");
        device.PendingUpdateCount.ShouldBe(1);

        failing = false;
        await device.SyncAsync(Ct);
        device.PendingUpdateCount.ShouldBe(0);
        Json(server.Document).ShouldBe(Json(device.Document));
    }

    [Fact]
    public async Task A_rate_limited_sync_waits_for_retry_after_and_tries_again()
    {
        var server = new InMemorySyncServer();
        server.RateLimits.Enqueue(7);
        server.RateLimits.Enqueue(null);
        var time = new ManualTimeProvider(Now);
        var handler = server.Handler();
        using var device = Device(handler, "laptop", time: time);
        device.Workspace.OpenTab(new TabState("t1", "w1", "https://a.example/", "A", 0));

        var result = await device.SyncAsync(Ct);

        result.RateLimitRetries.ShouldBe(2);
        time.Waits.ShouldBe([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(1)]);
        handler.Requests.Count.ShouldBe(3);
        Json(server.Document).ShouldBe(Json(device.Document));
    }

    [Fact]
    public async Task Rate_limiting_beyond_the_retry_budget_fails_the_sync_and_keeps_the_changes()
    {
        var server = new InMemorySyncServer();
        for (var i = 0; i < 3; i++)
        {
            server.RateLimits.Enqueue(1);
        }

        var handler = server.Handler();
        using var device = Device(handler, "laptop", time: new ManualTimeProvider(Now), maxRetries: 2);
        device.Workspace.OpenTab(new TabState("t1", "w1", "https://a.example/", "A", 0));

        var e = await Should.ThrowAsync<TanakaApiException>(() => device.SyncAsync(Ct));

        e.IsRateLimited.ShouldBeTrue();
        handler.Requests.Count.ShouldBe(3);
        device.PendingUpdateCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_limit_fails_at_once()
    {
        var server = new InMemorySyncServer();
        server.RateLimits.Enqueue(3600);
        var time = new ManualTimeProvider(Now);
        var handler = server.Handler();
        using var device = Device(handler, "laptop", time: time);

        await Should.ThrowAsync<TanakaApiException>(() => device.SyncAsync(Ct));

        time.Waits.ShouldBeEmpty();
        handler.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(StateVectorPolicy.Always, new[] { true, true, true })]
    [InlineData(StateVectorPolicy.WhenNeeded, new[] { true, false, false })]
    [InlineData(StateVectorPolicy.Never, new[] { false, false, false })]
    public async Task The_state_vector_policy_decides_which_requests_carry_it(StateVectorPolicy policy, bool[] carried)
    {
        var server = new InMemorySyncServer();
        var handler = server.Handler();
        var client = new TanakaClient(RecordingHandler.Client(handler), "t");
        using var device = new SyncingDevice(client, "d", new SyncingDeviceOptions { StateVector = policy });

        await device.SyncAsync(Ct);
        device.Workspace.OpenTab(new TabState("t1", "w1", "https://a.example/", "A", 0));
        await device.SyncAsync(Ct);
        await device.SyncAsync(Ct);

        handler.Requests.Select(r => JsonNode.Parse(r.Body)!.AsObject().ContainsKey("state_vector")).ShouldBe(carried);
    }

    [Fact]
    public async Task When_needed_the_state_vector_goes_out_again_while_the_document_lacks_something()
    {
        // The server answers with the second of two edits only: the device holds it as pending.
        var source = new YDoc(clientId: 7);
        var edits = new List<byte[]>();
        source.Updated += edits.Add;
        source.GetMap("tabs").Set("a", "1");
        source.GetMap("tabs").Set("b", "2");
        var answer = $$"""{"clock":5,"update":"{{Convert.ToBase64String(edits[1])}}","state_vector":"AA=="}""";
        var handler = new RecordingHandler(_ => RecordingHandler.Json(answer));
        using var device = new SyncingDevice(new TanakaClient(RecordingHandler.Client(handler), "t"), "d", new SyncingDeviceOptions { StateVector = StateVectorPolicy.WhenNeeded });

        await device.SyncAsync(Ct);
        device.Document.HasPending.ShouldBeTrue();
        await device.SyncAsync(Ct);

        JsonNode.Parse(handler.Requests[1].Body)!.AsObject().ContainsKey("state_vector").ShouldBeTrue();
    }

    [Fact]
    public async Task A_server_that_lost_the_devices_changes_gets_them_again()
    {
        var original = new InMemorySyncServer();
        var restored = new InMemorySyncServer();
        var current = original;
        var handler = new RecordingHandler(request => Forward(current.Handler(), request));
        using var device = new SyncingDevice(new TanakaClient(RecordingHandler.Client(handler), "t"), "d", new SyncingDeviceOptions { StateVector = StateVectorPolicy.WhenNeeded });
        device.Workspace.OpenTab(new TabState("t1", "w1", "https://a.example/", "A", 0));
        await device.SyncAsync(Ct);

        // The server is restored from a backup taken before the device's sync.
        current = restored;
        await device.SyncAsync(Ct);
        device.PendingUpdateCount.ShouldBe(1, "the answer's state vector shows what the server lacks");
        await device.SyncAsync(Ct);

        Json(restored.Document).ShouldBe(Json(device.Document));
        var requests = handler.Requests.Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();
        requests[1].ContainsKey("state_vector").ShouldBeFalse("the device believed itself in step");
        requests[2].ContainsKey("state_vector").ShouldBeTrue();
        requests[2].ContainsKey("update").ShouldBeTrue();
    }

    [Fact]
    public async Task An_answer_without_a_state_vector_keeps_the_requests_small()
    {
        var server = new InMemorySyncServer();
        var handler = new RecordingHandler(request =>
        {
            // The real server leaves its state vector out when it vouches for the device.
            using var answer = Forward(server.Handler(), request);
            var body = JsonNode.Parse(answer.Content.ReadAsStringAsync().GetAwaiter().GetResult())!.AsObject();
            body.Remove("state_vector");
            return RecordingHandler.Json(body.ToJsonString());
        });
        using var device = new SyncingDevice(new TanakaClient(RecordingHandler.Client(handler), "t"), "d", new SyncingDeviceOptions { StateVector = StateVectorPolicy.WhenNeeded });
        device.Workspace.OpenTab(new TabState("t1", "w1", "https://a.example/", "A", 0));

        await device.SyncAsync(Ct);
        device.Workspace.OpenTab(new TabState("t2", "w1", "https://b.example/", "B", 1));
        await device.SyncAsync(Ct);

        handler.Requests.Select(r => JsonNode.Parse(r.Body)!.AsObject().ContainsKey("state_vector")).ShouldBe([true, false]);
        device.PendingUpdateCount.ShouldBe(0);
        Json(server.Document).ShouldBe(Json(device.Document));
    }

    private static SyncingDevice Device(RecordingHandler handler, string id, ulong? clientId = null, TimeProvider? time = null, int maxRetries = 3) =>
        new(
            new TanakaClient(RecordingHandler.Client(handler), "token"),
            id,
            new SyncingDeviceOptions { ClientId = clientId, TimeProvider = time ?? new ManualTimeProvider(Now), MaxRateLimitRetries = maxRetries });

    private static string Json(YDoc doc) => new WorkspaceDocument(doc).ToCanonicalJson();

    private static HttpResponseMessage Forward(RecordingHandler inner, RecordedRequest request)
    {
        using var invoker = new HttpMessageInvoker(inner, disposeHandler: false);
        using var message = new HttpRequestMessage(request.Method, request.Uri) { Content = new ByteArrayContent(request.Body) };
        return invoker.SendAsync(message, CancellationToken.None).GetAwaiter().GetResult();
    }
}
