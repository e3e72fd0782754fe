using System.Net;
using System.Text.Json.Nodes;
using Tanaka.Client.Protocol;
using Tanaka.Client.Tests.Fakes;

namespace Tanaka.Client.Tests;

public sealed class TanakaClientTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_posts_the_protocol_names_with_base64_bytes_and_the_bearer_token()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"clock":7,"update":null,"state_vector":"AA=="}"""));
        var client = new TanakaClient(RecordingHandler.Client(handler), "secret-token");

        await client.SyncAsync(
            new SyncRequest { DeviceId = "laptop-1", Clock = 3, SinceClock = 5, StateVector = [1, 2, 3], Update = [0, 0] },
            Ct);

        var request = handler.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Post);
        request.Uri.ShouldBe(new Uri("http://tanaka.test/sync"));
        request.Authorization.ShouldBe("Bearer secret-token");
        request.ContentType.ShouldBe("application/json");
        var body = JsonNode.Parse(request.Body)!.AsObject();
        body.Select(p => p.Key).ShouldBe(["device_id", "clock", "since_clock", "state_vector", "update"], ignoreOrder: true);
        body["device_id"]!.GetValue<string>().ShouldBe("laptop-1");
        body["clock"]!.GetValue<long>().ShouldBe(3);
        body["since_clock"]!.GetValue<long>().ShouldBe(5);
        body["state_vector"]!.GetValue<string>().ShouldBe("AQID");
        body["update"]!.GetValue<string>().ShouldBe("AAA=");
    }

    [Fact]
    public async Task Sync_leaves_absent_optional_fields_out_of_the_body()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"clock":0,"state_vector":"AA=="}"""));
        var client = new TanakaClient(RecordingHandler.Client(handler), "t");

        await client.SyncAsync(new SyncRequest { DeviceId = "d" }, Ct);

        handler.Requests.ShouldHaveSingleItem().Text.ShouldBe("""{"device_id":"d"}""");
    }

    [Fact]
    public async Task Sync_reads_clock_update_and_state_vector_and_reports_body_sizes()
    {
        const string Answer = """{"clock":42,"update":"AQID","state_vector":"AQUA"}""";
        var handler = new RecordingHandler(_ => RecordingHandler.Json(Answer));
        var client = new TanakaClient(RecordingHandler.Client(handler), "t");

        var exchange = await client.ExchangeAsync(new SyncRequest { DeviceId = "d" }, Ct);

        exchange.Response.Clock.ShouldBe(42);
        exchange.Response.Update.ShouldBe(new byte[] { 1, 2, 3 });
        exchange.Response.StateVector.ShouldBe(new byte[] { 1, 5, 0 });
        exchange.RequestBodyBytes.ShouldBe(handler.Requests[0].Body.Length);
        exchange.ResponseBodyBytes.ShouldBe(System.Text.Encoding.UTF8.GetByteCount(Answer));
    }

    [Fact]
    public async Task A_missing_update_reads_as_null()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"clock":1,"state_vector":"AA=="}"""));
        var response = await new TanakaClient(RecordingHandler.Client(handler), "t").SyncAsync(new SyncRequest { DeviceId = "d" }, Ct);

        response.Update.ShouldBeNull();
    }

    [Fact]
    public async Task A_problem_answer_becomes_a_typed_exception_with_status_code_detail_and_field_errors()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(
            """
            {"type":"https://tanaka.dev/errors/validation_failed","title":"The request is not valid.","status":400,
             "detail":"device_id is required","code":"validation_failed","traceId":"00-abc-01",
             "errors":{"device_id":["device_id is required"]}}
            """,
            HttpStatusCode.BadRequest,
            "application/problem+json"));
        var client = new TanakaClient(RecordingHandler.Client(handler), "t");

        var e = await Should.ThrowAsync<TanakaApiException>(() => client.SyncAsync(new SyncRequest { DeviceId = "d" }, Ct));

        e.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        e.Code.ShouldBe("validation_failed");
        e.Problem!.Detail.ShouldBe("device_id is required");
        e.Problem.TraceId.ShouldBe("00-abc-01");
        e.Problem.Errors!["device_id"].ShouldBe(["device_id is required"]);
        e.Message.ShouldContain("device_id is required");
        e.RetryAfter.ShouldBeNull();
    }

    [Fact]
    public async Task A_rate_limited_answer_carries_retry_after()
    {
        var handler = new RecordingHandler(_ =>
        {
            var r = RecordingHandler.Json("""{"status":429,"code":"rate_limited"}""", HttpStatusCode.TooManyRequests, "application/problem+json");
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(12));
            return r;
        });
        var client = new TanakaClient(RecordingHandler.Client(handler), "t");

        var e = await Should.ThrowAsync<TanakaApiException>(() => client.SyncAsync(new SyncRequest { DeviceId = "d" }, Ct));

        e.IsRateLimited.ShouldBeTrue();
        e.Code.ShouldBe("rate_limited");
        e.RetryAfter.ShouldBe(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task An_error_that_is_not_problem_json_keeps_its_status_and_has_no_code()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html>proxy error</html>", System.Text.Encoding.UTF8, "text/html"),
        });
        var client = new TanakaClient(RecordingHandler.Client(handler), "t");

        var e = await Should.ThrowAsync<TanakaApiException>(() => client.SyncAsync(new SyncRequest { DeviceId = "d" }, Ct));

        e.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        e.Code.ShouldBeNull();
        e.Problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"clock":"seven"}""")]
    [InlineData("""{"clock":1,"update":"%%%"}""")]
    public async Task A_success_answer_that_is_not_a_sync_response_is_an_invalid_response(string body)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(body));
        var client = new TanakaClient(RecordingHandler.Client(handler), "t");

        var e = await Should.ThrowAsync<TanakaApiException>(() => client.SyncAsync(new SyncRequest { DeviceId = "d" }, Ct));

        e.StatusCode.ShouldBe(HttpStatusCode.OK);
        e.Code.ShouldBe(TanakaApiException.InvalidResponseCode);
    }

    [Fact]
    public async Task Paths_resolve_under_a_base_address_with_a_path_and_no_trailing_slash()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"status":"ok","version":"1.0.0"}"""));
        var client = new TanakaClient(RecordingHandler.Client(handler, "http://tanaka.test/api"));

        var health = await client.GetHealthAsync(Ct);

        health.ShouldBe(new HealthStatus("ok", "1.0.0"));
        var request = handler.Requests.ShouldHaveSingleItem();
        request.Uri.ShouldBe(new Uri("http://tanaka.test/api/health"));
        request.Authorization.ShouldBeNull();
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    public async Task Ready_is_true_on_200_and_false_on_503(HttpStatusCode status, bool ready)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"status":"x","checks":[]}""", status));

        (await new TanakaClient(RecordingHandler.Client(handler)).IsReadyAsync(Ct)).ShouldBe(ready);
        handler.Requests.ShouldHaveSingleItem().Uri.AbsolutePath.ShouldBe("/ready");
    }

    [Fact]
    public void A_client_needs_a_base_address() =>
        Should.Throw<ArgumentException>(() => new TanakaClient(new HttpClient()));

    [Fact]
    public async Task Tabs_windows_and_devices_read_the_snake_case_rows_with_the_token()
    {
        var handler = new RecordingHandler(request => request.Uri.AbsolutePath switch
        {
            "/tabs" => RecordingHandler.Json("""
                {"tabs":[{"id":"t1","window_id":"w1","url":"https://a/","title":"A","fav_icon_url":null,"index":3,
                  "active":true,"pinned":false,"updated_at":"2025-11-30T12:00:00+00:00","clock":9,"device_id":"laptop"}]}
                """),
            "/windows" => RecordingHandler.Json("""
                {"windows":[{"id":"w1","tracked":true,"focused":false,"owner_device_id":"laptop",
                  "updated_at":"2025-11-30T12:00:00+00:00","clock":4,"device_id":"desktop"}]}
                """),
            _ => RecordingHandler.Json("""{"devices":[{"device_id":"laptop","last_clock":9,"last_sync":"2025-11-30T12:00:01+00:00"}]}"""),
        });
        var client = new TanakaClient(RecordingHandler.Client(handler), "tok");
        var at = new DateTimeOffset(2025, 11, 30, 12, 0, 0, TimeSpan.Zero);

        (await client.GetTabsAsync(Ct)).ShouldBe([new TabRecord("t1", "w1", "https://a/", "A", null, 3, true, false, at, 9, "laptop")]);
        (await client.GetWindowsAsync(Ct)).ShouldBe([new WindowRecord("w1", true, false, "laptop", at, 4, "desktop")]);
        (await client.GetDevicesAsync(Ct)).ShouldBe([new DeviceRecord("laptop", 9, at.AddSeconds(1))]);
        handler.Requests.Select(r => r.Uri.AbsolutePath).ShouldBe(["/tabs", "/windows", "/devices"]);
        handler.Requests.ShouldAllBe(r => r.Authorization == "Bearer tok" && r.Method == HttpMethod.Get);
    }
}
