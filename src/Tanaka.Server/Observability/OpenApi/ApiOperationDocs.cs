using System.Text.Json.Nodes;
using Tanaka.Server.Errors;

namespace Tanaka.Server.Observability.OpenApi;

/// <summary>
/// What the OpenAPI document says about each operation beyond what the endpoint declares: a
/// description, request and response examples, and for every error status the codes it can
/// carry. Keyed by operation id (the endpoint's <c>WithName</c>). Examples are real: the sync
/// update is what yjs 13.6 encodes for one tab.
/// </summary>
internal sealed record ApiOperationDocs(
    string Description,
    IReadOnlyDictionary<int, string[]> Errors,
    bool RequiresToken,
    JsonNode? RequestExample = null,
    JsonNode? ResponseExample = null)
{
    /// <summary>
    /// A yjs 13.6.33 update holding one tab (<c>tabs.t1</c> with window_id, url, title, index,
    /// active and pinned) written by client 1234567, and that document's state vector.
    /// </summary>
    public const string ExampleUpdate =
        "AQeHrUsAJwEEdGFicwJ0MQEoAIetSwAJd2luZG93X2lkAXcCdzEoAIetSwADdXJsAXcUaHR0cHM6Ly9leGFtcGxlLmNvbS8oAIetSwAFdGl0bGUBdwdFeGFtcGxlKACHrUsABWluZGV4AX0AKACHrUsABmFjdGl2ZQF4KACHrUsABnBpbm5lZAF5AA==";

    public const string ExampleStateVector = "AYetSwc=";

    /// <summary>Every operation that reads or changes a workspace can also meet these.</summary>
    private static readonly Dictionary<int, string[]> TokenErrors = new()
    {
        [StatusCodes.Status401Unauthorized] = [ErrorCodes.Unauthorized],
        [StatusCodes.Status429TooManyRequests] = [ErrorCodes.RateLimited],
        [StatusCodes.Status500InternalServerError] = [ErrorCodes.InternalError],
        [StatusCodes.Status503ServiceUnavailable] = [ErrorCodes.Unavailable],
    };

    private static readonly Dictionary<int, string[]> ServerErrors = new()
    {
        [StatusCodes.Status500InternalServerError] = [ErrorCodes.InternalError],
        [StatusCodes.Status503ServiceUnavailable] = [ErrorCodes.Unavailable],
    };

    public static IReadOnlyDictionary<string, ApiOperationDocs> ByOperationId { get; } = new Dictionary<string, ApiOperationDocs>(StringComparer.Ordinal)
    {
        ["Sync"] = new(
            "The device sends `device_id`, optionally its Lamport `clock`, the `since_clock` it last received, its Yjs "
            + "`state_vector` and a Yjs v1 `update` with its changes (binary fields base64). The update is decoded, merged "
            + "into the workspace document of the token, checked against the domain rules and stored with the next Lamport "
            + "clock, all or nothing. The answer holds the server `clock` (send it back as `since_clock`), the `update` the "
            + "device lacks (the structs missing from `state_vector` when given, else the updates after `since_clock`, else "
            + "the full state; null when nothing) and, unless the device is sure to hold exactly what the server holds once "
            + "it applied `update`, the server's `state_vector`. See docs/PROTOCOL.md.",
            Merge(TokenErrors, new()
            {
                [StatusCodes.Status400BadRequest] = [ErrorCodes.ValidationFailed, ErrorCodes.InvalidJson, ErrorCodes.InvalidUpdate],
                [StatusCodes.Status413PayloadTooLarge] = [ErrorCodes.PayloadTooLarge],
                [StatusCodes.Status415UnsupportedMediaType] = [ErrorCodes.UnsupportedMediaType],
                [StatusCodes.Status422UnprocessableEntity] = [ErrorCodes.DomainRuleViolated],
            }),
            RequiresToken: true,
            RequestExample: new JsonObject
            {
                ["device_id"] = "laptop-firefox",
                ["clock"] = 3,
                ["since_clock"] = 12,
                ["state_vector"] = ExampleStateVector,
                ["update"] = ExampleUpdate,
            },
            ResponseExample: new JsonObject
            {
                ["clock"] = 13,
                ["update"] = null,
            }),
        ["ListTabs"] = new(
            "The tabs of the token's workspace as the last accepted sync left them (content still pending a missing "
            + "dependency is not listed), ordered by window, index, then id. `clock` and `device_id` are the stamp and "
            + "device of the update that last changed the tab; times are ISO 8601 in UTC.",
            TokenErrors,
            RequiresToken: true,
            ResponseExample: new JsonObject
            {
                ["tabs"] = new JsonArray(new JsonObject
                {
                    ["id"] = "t1",
                    ["window_id"] = "w1",
                    ["url"] = "https://example.com/",
                    ["title"] = "Example",
                    ["fav_icon_url"] = null,
                    ["index"] = 0,
                    ["active"] = true,
                    ["pinned"] = false,
                    ["updated_at"] = "2026-11-30T09:25:27.881+00:00",
                    ["clock"] = 13,
                    ["device_id"] = "laptop-firefox",
                }),
            }),
        ["ListWindows"] = new(
            "The windows of the token's workspace, ordered by id. `owner_device_id` is the browser the window lives in "
            + "(the document's `device_id` field); `device_id` is the device whose sync last changed it.",
            TokenErrors,
            RequiresToken: true,
            ResponseExample: new JsonObject
            {
                ["windows"] = new JsonArray(new JsonObject
                {
                    ["id"] = "w1",
                    ["tracked"] = true,
                    ["focused"] = true,
                    ["owner_device_id"] = "laptop-firefox",
                    ["updated_at"] = "2026-11-30T09:25:27.881+00:00",
                    ["clock"] = 13,
                    ["device_id"] = "laptop-firefox",
                }),
            }),
        ["ListDevices"] = new(
            "Every device that ever synced with the token's workspace, ordered by device id: the server clock its last "
            + "sync answered with and when that was.",
            TokenErrors,
            RequiresToken: true,
            ResponseExample: new JsonObject
            {
                ["devices"] = new JsonArray(new JsonObject
                {
                    ["device_id"] = "laptop-firefox",
                    ["last_clock"] = 13,
                    ["last_sync"] = "2026-11-30T09:25:27.881+00:00",
                }),
            }),
        ["GetHealth"] = new(
            "Always public. `status` is `ok` while the process answers; `version` is the server's release. Kept for the "
            + "0.5 extension; probes should use `/healthz` (liveness) and `/ready` (readiness).",
            ServerErrors,
            RequiresToken: false,
            ResponseExample: new JsonObject { ["status"] = "ok", ["version"] = "1.0.0" }),
    };

    /// <summary>A problem+json document as the server sends it for <paramref name="code"/>.</summary>
    public static JsonObject ProblemExample(string code, int status)
    {
        var (title, detail) = code switch
        {
            ErrorCodes.ValidationFailed => ("The request is not valid.", "The request is not valid: device_id."),
            ErrorCodes.InvalidJson => ("The request body is not valid JSON for this endpoint.", "The request body could not be read as JSON."),
            ErrorCodes.InvalidUpdate => ("The update is not a valid Yjs update.", "The update is not a valid Yjs v1 update: unexpected end of data."),
            ErrorCodes.Unauthorized => ("Authentication is required.", "Send a valid token in the Authorization header."),
            ErrorCodes.PayloadTooLarge => ("The request is too large.", "The update is larger than 1048576 bytes (sync.max_update_bytes)."),
            ErrorCodes.UnsupportedMediaType => ("The request content type is not supported.", "Send the body as application/json."),
            ErrorCodes.DomainRuleViolated => ("The request breaks a rule of the sync domain.", "The update would break the workspace's rules; it was rejected whole and nothing was stored."),
            ErrorCodes.RateLimited => ("Too many requests.", "Device 'laptop-firefox' sent more syncs than allowed (sync.rate_limit_requests per sync.rate_limit_window_seconds); retry later."),
            ErrorCodes.Unavailable => ("The service is temporarily unavailable.", "The request took longer than 30 s (server.request_timeout_seconds)."),
            _ => ("An unexpected error occurred.", "An unexpected error occurred. It has been logged."),
        };
        var problem = new JsonObject
        {
            ["type"] = ErrorCodes.TypeUri(code),
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["code"] = code,
            ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        };
        if (code == ErrorCodes.ValidationFailed)
        {
            problem["errors"] = new JsonObject { ["device_id"] = new JsonArray("Must be 1 to 64 characters of A-Z a-z 0-9 . _ : -.") };
        }
        else if (code == ErrorCodes.DomainRuleViolated)
        {
            problem["errors"] = new JsonObject { ["tabs.t1.url"] = new JsonArray("Must be at most 8192 characters.") };
        }

        return problem;
    }

    private static Dictionary<int, string[]> Merge(Dictionary<int, string[]> common, Dictionary<int, string[]> specific)
    {
        var all = new Dictionary<int, string[]>(common);
        foreach (var (status, codes) in specific)
        {
            all[status] = codes;
        }

        return all;
    }
}
