using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tanaka.Server.Tests.Sync;

/// <summary>
/// Every kind of bad request gets its documented status and code (docs/PROTOCOL.md, "Errors"),
/// and leaves the workspace exactly as it was: document in storage and in memory, log, clock and rows.
/// </summary>
public sealed class BadInputTests(BadInputServer fixture) : IClassFixture<BadInputServer>
{
    private delegate Task<HttpResponseMessage> Send(BadInputServer fixture, string deviceId);

    private static readonly Dictionary<string, (Send Send, HttpStatusCode Status, string Code)> Cases = new()
    {
        // Not JSON, or JSON of the wrong shape.
        ["body is not JSON"] = (Json("{\"device_id\": "), HttpStatusCode.BadRequest, "invalid_json"),
        ["body is a JSON array"] = (Json("[]"), HttpStatusCode.BadRequest, "invalid_json"),
        ["device_id is a number"] = (Json("{\"device_id\": 5}"), HttpStatusCode.BadRequest, "invalid_json"),
        ["clock is a string"] = (Json("{\"device_id\": \"d\", \"clock\": \"5\"}"), HttpStatusCode.BadRequest, "invalid_json"),
        ["clock is a fraction"] = (Json("{\"device_id\": \"d\", \"clock\": 1.5}"), HttpStatusCode.BadRequest, "invalid_json"),
        ["update is a number"] = (Json("{\"device_id\": \"d\", \"update\": 12}"), HttpStatusCode.BadRequest, "invalid_json"),
        ["body is empty"] = (Raw("", "application/json"), HttpStatusCode.BadRequest, "validation_failed"),
        ["body is JSON null"] = (Json("null"), HttpStatusCode.BadRequest, "validation_failed"),
        ["content type is not JSON"] = (Raw("{\"device_id\": \"d\"}", "text/plain"), HttpStatusCode.UnsupportedMediaType, "unsupported_media_type"),

        // Well-formed JSON, invalid fields.
        ["device_id missing"] = (Body(new JsonObject { ["clock"] = 1 }), HttpStatusCode.BadRequest, "validation_failed"),
        ["device_id empty"] = (Body(new JsonObject { ["device_id"] = "" }), HttpStatusCode.BadRequest, "validation_failed"),
        ["device_id with a space"] = (Body(new JsonObject { ["device_id"] = "my laptop" }), HttpStatusCode.BadRequest, "validation_failed"),
        ["device_id too long"] = (Body(new JsonObject { ["device_id"] = new string('d', 65) }), HttpStatusCode.BadRequest, "validation_failed"),
        ["clock negative"] = (WithDevice(new JsonObject { ["clock"] = -1 }), HttpStatusCode.BadRequest, "validation_failed"),
        ["clock beyond 2^52"] = (WithDevice(new JsonObject { ["clock"] = (1L << 52) + 1 }), HttpStatusCode.BadRequest, "validation_failed"),
        ["since_clock negative"] = (WithDevice(new JsonObject { ["since_clock"] = -5 }), HttpStatusCode.BadRequest, "validation_failed"),
        ["update is not base64"] = (WithDevice(new JsonObject { ["update"] = "not base64!" }), HttpStatusCode.BadRequest, "validation_failed"),
        ["update is empty"] = (WithDevice(new JsonObject { ["update"] = "" }), HttpStatusCode.BadRequest, "validation_failed"),
        ["state_vector is not base64"] = (WithDevice(new JsonObject { ["state_vector"] = "%%%" }), HttpStatusCode.BadRequest, "validation_failed"),
        ["state_vector is not a state vector"] = (WithDevice(new JsonObject { ["state_vector"] = Convert.ToBase64String([5, 1]) }), HttpStatusCode.BadRequest, "validation_failed"),
        ["bad state_vector with a valid update"] = (ValidUpdateWith(new JsonObject { ["state_vector"] = Convert.ToBase64String([0xFF, 0xFF]) }), HttpStatusCode.BadRequest, "validation_failed"),

        // Base64 that is not a Yjs update.
        ["update truncated to 1 byte"] = (Truncated(f => 1), HttpStatusCode.BadRequest, "invalid_update"),
        ["update truncated to half"] = (Truncated(f => f.ValidUpdate.Length / 2), HttpStatusCode.BadRequest, "invalid_update"),
        ["update missing its last byte"] = (Truncated(f => f.ValidUpdate.Length - 1), HttpStatusCode.BadRequest, "invalid_update"),
        ["update with a trailing byte"] = (Update(f => [.. f.ValidUpdate, 0]), HttpStatusCode.BadRequest, "invalid_update"),
        ["update of 0xFF bytes"] = (Update(_ => Enumerable.Repeat((byte)0xFF, 32).ToArray()), HttpStatusCode.BadRequest, "invalid_update"),
        ["update that is text"] = (Update(_ => Encoding.UTF8.GetBytes("hello, this is not a Yjs update")), HttpStatusCode.BadRequest, "invalid_update"),

        // Limits.
        ["update over sync.max_update_bytes"] = (Update(_ => new byte[BadInputServer.MaxUpdateBytes + 1]), HttpStatusCode.RequestEntityTooLarge, "payload_too_large"),
        ["body over server.max_request_body_bytes"] = (
            Body(new JsonObject { ["device_id"] = "d", ["padding"] = new string('x', BadInputServer.MaxRequestBodyBytes) }),
            HttpStatusCode.RequestEntityTooLarge,
            "payload_too_large"),
        ["too many requests from one device"] = (RateLimited, HttpStatusCode.TooManyRequests, "rate_limited"),

        // Credentials.
        ["no token"] = (WithToken(null), HttpStatusCode.Unauthorized, "unauthorized"),
        ["unknown token"] = (WithToken(_ => "tanaka_not-a-real-token"), HttpStatusCode.Unauthorized, "unauthorized"),
        ["revoked token"] = (WithToken(f => f.RevokedToken), HttpStatusCode.Unauthorized, "unauthorized"),
        ["basic credentials"] = (Basic, HttpStatusCode.Unauthorized, "unauthorized"),
        ["bearer without a token"] = (EmptyBearer, HttpStatusCode.Unauthorized, "unauthorized"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_gets_its_status_and_code_and_changes_nothing(string name)
    {
        var (send, status, code) = Cases[name];
        var before = await ServerState.CaptureAsync(fixture.Server, fixture.Client);

        using var response = await send(fixture, new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]));

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(status, text);
        var problem = await SyncApi.ProblemAsync(response);
        problem.GetProperty("code").GetString().ShouldBe(code, text);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        if (status == HttpStatusCode.TooManyRequests)
        {
            response.Headers.RetryAfter.ShouldNotBeNull();
        }

        if (status == HttpStatusCode.Unauthorized)
        {
            response.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Bearer");
        }

        (await ServerState.CaptureAsync(fixture.Server, fixture.Client)).ShouldBe(before);
    }

    [Fact]
    public async Task Validation_errors_name_every_bad_field()
    {
        using var response = await SyncApi.PostAsync(fixture.Client, new JsonObject
        {
            ["device_id"] = "bad id",
            ["clock"] = -1,
            ["update"] = "???",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await SyncApi.ProblemAsync(response)).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["clock", "device_id", "update"]);
    }

    private static Send Json(string json) => (f, _) => SyncApi.PostJsonAsync(f.Client, json);

    private static Send Raw(string content, string mediaType) =>
        (f, _) => f.Client.PostAsync("sync", new StringContent(content, Encoding.UTF8, mediaType), TestContext.Current.CancellationToken);

    private static Send Body(JsonObject body) => (f, _) => SyncApi.PostAsync(f.Client, (JsonObject)body.DeepClone());

    private static Send WithDevice(JsonObject fields) => (f, device) =>
    {
        var body = (JsonObject)fields.DeepClone();
        body["device_id"] = device;
        return SyncApi.PostAsync(f.Client, body);
    };

    private static Send ValidUpdateWith(JsonObject fields) => (f, device) =>
    {
        var body = (JsonObject)fields.DeepClone();
        body["device_id"] = device;
        body["update"] = Convert.ToBase64String(f.ValidUpdate);
        return SyncApi.PostAsync(f.Client, body);
    };

    private static Send Update(Func<BadInputServer, byte[]> update) =>
        (f, device) => SyncApi.PostAsync(f.Client, SyncApi.Body(device, update(f)));

    private static Send Truncated(Func<BadInputServer, int> length) =>
        Update(f => f.ValidUpdate[..length(f)]);

    private static Send WithToken(Func<BadInputServer, string>? token) => async (f, device) =>
    {
        using var client = f.Server.CreateClient(token?.Invoke(f));
        return await SyncApi.PostAsync(client, SyncApi.Body(device, f.ValidUpdate));
    };

    private static async Task<HttpResponseMessage> Basic(BadInputServer f, string device)
    {
        using var client = f.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + BadInputServer.DefaultToken)));
        return await SyncApi.PostAsync(client, SyncApi.Body(device, f.ValidUpdate));
    }

    private static async Task<HttpResponseMessage> EmptyBearer(BadInputServer f, string device)
    {
        using var client = f.Server.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer ");
        return await SyncApi.PostAsync(client, SyncApi.Body(device, f.ValidUpdate));
    }

    private static async Task<HttpResponseMessage> RateLimited(BadInputServer f, string device)
    {
        for (var i = 0; i < BadInputServer.RateLimitRequests; i++)
        {
            await SyncApi.SyncAsync(f.Client, SyncApi.Body(device));
        }

        return await SyncApi.PostAsync(f.Client, SyncApi.Body(device, f.ValidUpdate));
    }
}
