using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Tanaka.Server.Tests.Errors;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Middleware;

public sealed class RequestLoggingTests
{
    private const string SharedToken = "shared-token-7f3a9c1e5b2d4f6a8c0e";
    private const string DeviceToken = "device-token-0d9b8a7c6e5f4a3b2c1d";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_request_is_logged_with_method_path_status_and_duration()
    {
        await using var server = await TanakaServer.StartAsync(configureEndpoints: ErrorEndpoints.Map);
        using var client = server.CreateClient();

        using var response = await client.GetAsync("test/throw/not_found", Cancel);

        var entry = server.Logs.Entries.Single(e => e.Category.EndsWith("RequestLoggingMiddleware", StringComparison.Ordinal));
        entry.Level.ShouldBe(LogLevel.Information);
        entry.Values["Method"].ShouldBe("GET");
        entry.Values["Path"]!.ToString().ShouldBe("/test/throw/not_found");
        entry.Values["StatusCode"].ShouldBe(404);
        ((double)entry.Values["ElapsedMs"]!).ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Tokens_never_reach_the_logs()
    {
        await using var server = await TanakaServer.StartAsync(
            config: new Dictionary<string, string?> { ["auth:token"] = SharedToken, ["observability:log_level"] = "trace" },
            configureEndpoints: ErrorEndpoints.Map);
        using var client = server.CreateClient(DeviceToken);

        // Tokens in the header, the query string and a cookie, on successful, failing and crashing requests.
        foreach (var path in new[] { "health", $"test/throw/unauthorized?token={DeviceToken}", $"no/route?access_token={SharedToken}", "test/crash", "test/query?count=x" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", $"token={SharedToken}");
            using var response = await client.SendAsync(request, Cancel);
        }

        using var basic = new HttpRequestMessage(HttpMethod.Get, "health");
        basic.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SharedToken);
        using var basicResponse = await client.SendAsync(basic, Cancel);

        var logs = server.Logs.AllText();
        logs.ShouldContain("/test/crash", customMessage: "requests were logged at all");
        logs.ShouldNotContain(SharedToken);
        logs.ShouldNotContain(DeviceToken);
        logs.ShouldNotContain("Bearer");
    }
}
