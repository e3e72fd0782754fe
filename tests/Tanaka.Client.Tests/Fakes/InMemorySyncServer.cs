using System.Net;
using System.Text.Json.Nodes;
using Tanaka.Crdt;

namespace Tanaka.Client.Tests.Fakes;

/// <summary>
/// A stand-in for <c>POST /sync</c> built from the protocol's definition: apply the device's
/// update to one server document, tick a clock when it changed something, answer with the
/// exact diff against the device's state vector. Enough to drive devices; the real server has
/// its own end-to-end tests.
/// </summary>
internal sealed class InMemorySyncServer
{
    private readonly object _gate = new();

    public YDoc Document { get; } = new(clientId: 1);

    public long Clock { get; private set; }

    /// <summary>Requests answered with 429 before the next real answer, and the Retry-After they carry (seconds).</summary>
    public Queue<int?> RateLimits { get; } = new();

    public RecordingHandler Handler() => new(Respond);

    private HttpResponseMessage Respond(RecordedRequest request)
    {
        lock (_gate)
        {
            if (RateLimits.TryDequeue(out var retryAfter))
            {
                var limited = RecordingHandler.Json(
                    """{"type":"https://tanaka.dev/errors/rate_limited","title":"Too many requests.","status":429,"code":"rate_limited"}""",
                    HttpStatusCode.TooManyRequests,
                    "application/problem+json");
                if (retryAfter is { } seconds)
                {
                    limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
                }

                return limited;
            }

            var body = JsonNode.Parse(request.Body)!.AsObject();
            var deviceClock = body["clock"]?.GetValue<long>() ?? 0;
            if (body["update"]?.GetValue<string>() is { } update && Document.ApplyUpdate(Convert.FromBase64String(update)).Changed)
            {
                Clock = Math.Max(Clock, deviceClock) + 1;
            }

            var stateVector = body["state_vector"]?.GetValue<string>() is { } sv ? Convert.FromBase64String(sv) : [];
            var diff = Document.EncodeStateAsUpdate(stateVector);
            var response = new JsonObject
            {
                ["clock"] = Clock,
                ["update"] = Convert.ToBase64String(diff),
                ["state_vector"] = Convert.ToBase64String(Document.EncodeStateVector()),
            };
            return RecordingHandler.Json(response.ToJsonString());
        }
    }
}
