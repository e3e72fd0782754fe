using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Observability;

/// <summary>A server with a known token and the raw <c>POST /sync</c> calls the observability tests make.</summary>
internal static class ObservedServer
{
    public const string Token = "observability-test-token-0123456789";

    /// <summary>yjs 13.6.33: client 1234567 adds tab t1 (window_id, url, title, index, active, pinned); 139 bytes.</summary>
    public const string UpdateA = Tanaka.Server.Observability.OpenApi.ApiOperationDocs.ExampleUpdate;

    /// <summary>yjs 13.6.33: client 7654321 adds tab t2 with a url; 53 bytes.</summary>
    public const string UpdateB = "AQKxl9MDACcBBHRhYnMCdDIBKACxl9MDAAN1cmwBdxRodHRwczovL2V4YW1wbGUub3JnLwA=";

    /// <summary>Three 0xFF bytes: a varint that never ends, so no Yjs decoder accepts it.</summary>
    public const string Garbage = "////";

    public static Task<TanakaServer> StartAsync(IReadOnlyDictionary<string, string?>? config = null)
    {
        var all = new Dictionary<string, string?>(config ?? new Dictionary<string, string?>()) { ["auth.token"] = Token };
        return TanakaServer.StartAsync(all);
    }

    public static async Task<(int Status, JsonObject Body)> SyncAsync(
        HttpClient client, string deviceId, string? update = null, string? stateVector = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var body = new JsonObject { ["device_id"] = deviceId };
        if (update is not null)
        {
            body["update"] = update;
        }

        if (stateVector is not null)
        {
            body["state_vector"] = stateVector;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("sync", UriKind.Relative)) { Content = JsonContent.Create(body) };
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>(JsonSerializerOptions.Web, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, json!);
    }

    /// <summary>Length of the decoded <c>update</c> of a sync answer (0 when absent).</summary>
    public static int UpdateBytes(JsonObject answer) =>
        answer["update"]?.GetValue<string>() is { } update ? Convert.FromBase64String(update).Length : 0;
}
