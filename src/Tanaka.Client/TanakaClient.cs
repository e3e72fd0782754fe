using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tanaka.Client.Protocol;

namespace Tanaka.Client;

/// <summary>
/// Typed calls to a Tanaka server over a caller-owned <see cref="HttpClient"/> whose
/// <see cref="HttpClient.BaseAddress"/> is the server root. Thread-safe: one instance can serve
/// many devices. Every non-success answer becomes a <see cref="TanakaApiException"/>.
/// </summary>
public sealed class TanakaClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _root;
    private readonly AuthenticationHeaderValue? _authorization;

    /// <param name="http">Sends the requests; its <see cref="HttpClient.BaseAddress"/> must be set.</param>
    /// <param name="token">The bearer token that opens the workspace; null for anonymous calls (health only).</param>
    public TanakaClient(HttpClient http, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var baseAddress = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress (the server root).", nameof(http));
        _http = http;
        // Relative paths resolve under the base only when it ends with a slash ("/api" + "sync" would drop "api").
        _root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _authorization = string.IsNullOrEmpty(token) ? null : new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary><c>POST /sync</c>: sends the device's changes and returns what it lacks.</summary>
    public async Task<SyncResponse> SyncAsync(SyncRequest request, CancellationToken cancellationToken = default) =>
        (await ExchangeAsync(request, cancellationToken)).Response;

    /// <summary><c>POST /sync</c>, also reporting the JSON body sizes each way (what load measurements count).</summary>
    public async Task<SyncExchange> ExchangeAsync(SyncRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, TanakaJsonContext.Default.SyncRequest);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_root, "sync"));
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = JsonContentType;
        var (response, responseBytes) = await SendAsync(message, TanakaJsonContext.Default.SyncResponse, cancellationToken);
        return new SyncExchange(response, body.Length, responseBytes);
    }

    /// <summary><c>GET /tabs</c>: the workspace's materialized tabs, ordered by window, index and id.</summary>
    public async Task<IReadOnlyList<TabRecord>> GetTabsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync("tabs", TanakaJsonContext.Default.TabList, cancellationToken)).Tabs;

    /// <summary><c>GET /windows</c>: the workspace's materialized windows, ordered by id.</summary>
    public async Task<IReadOnlyList<WindowRecord>> GetWindowsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync("windows", TanakaJsonContext.Default.WindowList, cancellationToken)).Windows;

    /// <summary><c>GET /devices</c>: every device that synced with the workspace.</summary>
    public async Task<IReadOnlyList<DeviceRecord>> GetDevicesAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync("devices", TanakaJsonContext.Default.DeviceList, cancellationToken)).Devices;

    /// <summary><c>GET /health</c>: status and version (anonymous).</summary>
    public Task<HealthStatus> GetHealthAsync(CancellationToken cancellationToken = default) =>
        GetAsync("health", TanakaJsonContext.Default.HealthStatus, cancellationToken);

    /// <summary><c>GET /ready</c>: true when the server is ready for traffic (200), false when it says it is not (503).</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(_root, "ready"));
        using var response = await _http.SendAsync(message, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.ServiceUnavailable => false,
            _ => throw Failure(response, await response.Content.ReadAsByteArrayAsync(cancellationToken)),
        };
    }

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(_root, path));
        return (await SendAsync(message, type, cancellationToken)).Value;
    }

    private async Task<(T Value, int BodyBytes)> SendAsync<T>(HttpRequestMessage message, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        message.Headers.Authorization = _authorization;
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response, await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }

        // The body is buffered already; parsing it as a stream reads that buffer where a byte
        // array would be one more copy of every answer (a whole document on a first sync).
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (!body.CanSeek)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return (Read(response.StatusCode, new MemoryStream(bytes, writable: false), type), bytes.Length);
        }

        return (Read(response.StatusCode, body, type), checked((int)body.Length));
    }

    private static T Read<T>(HttpStatusCode status, Stream body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException e)
        {
            throw new TanakaApiException(
                status,
                TanakaApiException.InvalidResponseCode,
                $"The server answered {(int)status} with a body that is not a {typeof(T).Name}: {e.Message}",
                innerException: e);
        }
    }

    private static TanakaApiException Failure(HttpResponseMessage response, byte[] body)
    {
        var retryAfter = RetryAfter(response);
        var problem = IsProblem(response) ? TryReadProblem(body) : null;
        var status = (int)response.StatusCode;
        var message = problem is null
            ? $"The server answered {status} {response.ReasonPhrase}."
            : $"The server answered {status} {problem.Code}: {problem.Detail ?? problem.Title}";
        return new TanakaApiException(response.StatusCode, problem?.Code, message, problem, retryAfter);
    }

    private static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } mediaType
        && (mediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    private static ProblemDocument? TryReadProblem(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, TanakaJsonContext.Default.ProblemDocument);
        }
        catch (JsonException)
        {
            // A proxy's error page or a truncated body: the status code is all there is.
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
