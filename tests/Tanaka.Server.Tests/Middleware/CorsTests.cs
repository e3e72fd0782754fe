using System.Net;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Middleware;

/// <summary>CORS admits browser-extension origins and configured origins only, never with credentials.</summary>
public sealed class CorsTests : IAsyncLifetime
{
    private const string ConfiguredOrigin = "https://tabs.example.com";
    private TanakaServer _server = null!;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await TanakaServer.StartAsync(config: new Dictionary<string, string?> { ["sync:allowed_origins:0"] = ConfiguredOrigin + "/" });
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("moz-extension://0b9e4c5d-6f7a-4b8c-9d0e-1f2a3b4c5d6e")]
    [InlineData("chrome-extension://abcdefghijklmnopabcdefghijklmnop")]
    [InlineData(ConfiguredOrigin)]
    public async Task Preflights_from_allowed_origins_are_answered(string origin)
    {
        using var response = await PreflightAsync(origin);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([origin]);
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain("POST");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().ShouldContain("authorization", Case.Insensitive);
        response.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://tabs.example.com.evil.example")]
    [InlineData("http://tabs.example.com")]
    [InlineData("null")]
    public async Task Preflights_from_other_origins_get_no_cors_headers(string origin)
    {
        using var response = await PreflightAsync(origin);

        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        response.Headers.Contains("Access-Control-Allow-Methods").ShouldBeFalse();
    }

    [Fact]
    public async Task Simple_requests_echo_an_allowed_origin_and_never_a_wildcard()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "health");
        allowed.Headers.Add("Origin", "moz-extension://0b9e4c5d-6f7a-4b8c-9d0e-1f2a3b4c5d6e");
        using var refused = new HttpRequestMessage(HttpMethod.Get, "health");
        refused.Headers.Add("Origin", "https://evil.example");

        using var allowedResponse = await _client.SendAsync(allowed, Cancel);
        using var refusedResponse = await _client.SendAsync(refused, Cancel);

        allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["moz-extension://0b9e4c5d-6f7a-4b8c-9d0e-1f2a3b4c5d6e"]);
        allowedResponse.Headers.GetValues("Access-Control-Expose-Headers").Single().ShouldContain("Retry-After");
        refusedResponse.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "health");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await _client.SendAsync(request, Cancel);
    }
}
