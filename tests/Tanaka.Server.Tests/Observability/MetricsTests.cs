using System.Net;

namespace Tanaka.Server.Tests.Observability;

[Collection(MetricsCollection.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task Scrape_after_known_syncs_shows_exactly_what_happened()
    {
        await using var server = await ObservedServer.StartAsync();
        using var client = server.CreateClient(ObservedServer.Token);
        var before = await PrometheusText.ScrapeAsync(client);

        var first = await ObservedServer.SyncAsync(client, "m1", ObservedServer.UpdateA);       // applied, cache miss
        var again = await ObservedServer.SyncAsync(client, "m1", ObservedServer.UpdateA);       // duplicate
        var second = await ObservedServer.SyncAsync(client, "m2", ObservedServer.UpdateB, "AA=="); // applied
        var garbage = await ObservedServer.SyncAsync(client, "m2", ObservedServer.Garbage);     // invalid_update in the service
        var badDevice = await ObservedServer.SyncAsync(client, "not a device id!");             // validation_failed before the service

        first.Status.ShouldBe(200);
        again.Status.ShouldBe(200);
        second.Status.ShouldBe(200);
        garbage.Status.ShouldBe(400);
        badDevice.Status.ShouldBe(400);

        var after = await PrometheusText.ScrapeAsync(client);
        double Delta(string name, params (string, string)[] labels) => after.Value(name, labels) - before.Value(name, labels);

        // The sync group maps POST "" under "/sync", which routing names "/sync/".
        double SyncRoute(params (string, string)[] labels) =>
            Delta("http_server_request_duration_seconds_count", [("http_route", "/sync"), .. labels])
            + Delta("http_server_request_duration_seconds_count", [("http_route", "/sync/"), .. labels]);

        // Meter Tanaka.Server
        Delta("tanaka_sync_duration_seconds_count", ("outcome", "ok")).ShouldBe(3);
        Delta("tanaka_sync_duration_seconds_count", ("outcome", "invalid_update")).ShouldBe(1);
        Delta("tanaka_sync_duration_seconds_bucket", ("outcome", "ok"), ("le", "+Inf")).ShouldBe(3);
        Delta("tanaka_sync_updates_applied_total").ShouldBe(2);
        Delta("tanaka_validation_rejections_total", ("code", "invalid_update")).ShouldBe(1);
        Delta("tanaka_validation_rejections_total", ("code", "validation_failed")).ShouldBe(1);
        Delta("tanaka_rate_limited_total").ShouldBe(0);
        after.Value("tanaka_lamport_clock").ShouldBe(second.Body["clock"]!.GetValue<long>());
        after.Value("tanaka_cache_size").ShouldBe(1);
        after.Value("tanaka_workspaces_active").ShouldBe(1);
        after.Value("tanaka_devices_active").ShouldBe(2);

        // Meter Tanaka.Server.Sync
        Delta("tanaka_sync_requests_total", ("outcome", "ok")).ShouldBe(2);
        Delta("tanaka_sync_requests_total", ("outcome", "duplicate")).ShouldBe(1);
        Delta("tanaka_sync_requests_total", ("outcome", "invalid_update")).ShouldBe(1);
        Delta("tanaka_sync_duplicate_updates_total").ShouldBe(1);
        Delta("tanaka_sync_update_bytes_in_bytes_total").ShouldBe(139 + 139 + 53 + 3);
        Delta("tanaka_sync_update_bytes_out_bytes_total").ShouldBe(
            ObservedServer.UpdateBytes(first.Body) + ObservedServer.UpdateBytes(again.Body) + ObservedServer.UpdateBytes(second.Body));
        Delta("tanaka_cache_misses_total").ShouldBe(1);
        Delta("tanaka_cache_hits_total").ShouldBe(3);

        // ASP.NET Core and runtime instruments come along.
        SyncRoute().ShouldBe(5);
        SyncRoute(("http_response_status_code", "400")).ShouldBe(2);
        after.Has("dotnet_gc_collections_total").ShouldBeTrue();
    }

    [Fact]
    public async Task Rate_limited_syncs_are_counted()
    {
        await using var server = await ObservedServer.StartAsync(new Dictionary<string, string?> { ["sync.rate_limit_requests"] = "2" });
        using var client = server.CreateClient(ObservedServer.Token);
        var before = await PrometheusText.ScrapeAsync(client);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await ObservedServer.SyncAsync(client, "busy")).Status);
        }

        var after = await PrometheusText.ScrapeAsync(client);
        statuses.ShouldBe([200, 200, 429]);
        (after.Value("tanaka_rate_limited_total") - before.Value("tanaka_rate_limited_total")).ShouldBe(1);
        (after.Value("tanaka_sync_duration_seconds_count", ("outcome", "rate_limited"))
            - before.Value("tanaka_sync_duration_seconds_count", ("outcome", "rate_limited"))).ShouldBe(1);
        (after.Value("tanaka_sync_duration_seconds_count", ("outcome", "ok"))
            - before.Value("tanaka_sync_duration_seconds_count", ("outcome", "ok"))).ShouldBe(2);
    }

    [Fact]
    public async Task Private_metrics_need_a_valid_token()
    {
        await using var server = await ObservedServer.StartAsync(new Dictionary<string, string?> { ["observability.metrics_public"] = "false" });
        using var anonymous = server.CreateClient();
        using var wrong = server.CreateClient("not-the-token-at-all-0123456789");
        using var valid = server.CreateClient(ObservedServer.Token);
        var ct = TestContext.Current.CancellationToken;

        (await anonymous.GetAsync(new Uri("metrics", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.GetAsync(new Uri("metrics", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var scraped = await PrometheusText.ScrapeAsync(valid);
        scraped.Has("tanaka_lamport_clock").ShouldBeTrue();
    }

    [Fact]
    public async Task Disabled_metrics_are_not_served()
    {
        await using var server = await ObservedServer.StartAsync(new Dictionary<string, string?> { ["observability.metrics_enabled"] = "false" });
        using var client = server.CreateClient(ObservedServer.Token);
        (await ObservedServer.SyncAsync(client, "m1", ObservedServer.UpdateA)).Status.ShouldBe(200);
        var response = await client.GetAsync(new Uri("metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
