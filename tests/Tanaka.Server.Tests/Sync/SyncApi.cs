using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tanaka.Server.Tests.Sync;

/// <summary>Raw HTTP calls to the sync endpoints, so tests control every field of the body.</summary>
internal static class SyncApi
{
    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string json) =>
        client.PostAsync("sync", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject body) =>
        PostJsonAsync(client, body.ToJsonString());

    /// <summary>POST /sync that must succeed; returns the parsed answer and its body size.</summary>
    public static async Task<SyncReply> SyncAsync(HttpClient client, JsonObject body)
    {
        using var response = await PostAsync(client, body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var json = JsonNode.Parse(text)!.AsObject();
        var update = json["update"]?.GetValue<string>();
        return new SyncReply(
            json["clock"]!.GetValue<long>(),
            update is null ? null : Convert.FromBase64String(update),
            json["state_vector"] is { } stateVector ? Convert.FromBase64String(stateVector.GetValue<string>()) : null,
            text.Length);
    }

    public static JsonObject Body(string deviceId, byte[]? update = null, byte[]? stateVector = null, long? clock = null, long? sinceClock = null)
    {
        var body = new JsonObject { ["device_id"] = deviceId };
        if (clock is not null)
        {
            body["clock"] = clock;
        }

        if (sinceClock is not null)
        {
            body["since_clock"] = sinceClock;
        }

        if (stateVector is not null)
        {
            body["state_vector"] = Convert.ToBase64String(stateVector);
        }

        if (update is not null)
        {
            body["update"] = Convert.ToBase64String(update);
        }

        return body;
    }

    /// <summary>The problem+json <c>code</c> of a failed response.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public static async Task<JsonArray> GetRowsAsync(HttpClient client, string resource)
    {
        using var response = await client.GetAsync(resource, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)![resource]!.AsArray();
    }
}

/// <summary>A parsed answer; <see cref="StateVector"/> is null when the server left it out.</summary>
internal sealed record SyncReply(long Clock, byte[]? Update, byte[]? StateVector, int BodyLength);
