using System.Net;
using Tanaka.Server.Tests.Errors;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Middleware;

public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private TanakaServer _server = null!;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await TanakaServer.StartAsync(configureEndpoints: ErrorEndpoints.Map);
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("health", 200)]
    [InlineData("ready", 200)]
    [InlineData("no/such/route", 404)]
    [InlineData("test/throw/validation_failed", 400)]
    [InlineData("test/crash", 500)]
    public async Task Every_response_carries_the_security_headers_and_no_server_banner(string path, int status)
    {
        using var response = await _client.GetAsync(path, Cancel);

        ((int)response.StatusCode).ShouldBe(status);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.Contains("Server").ShouldBeFalse();
    }

    [Fact]
    public async Task Too_many_request_headers_are_refused_before_the_app_sees_them()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "health");
        for (var i = 0; i < 80; i++)
        {
            request.Headers.Add($"X-Filler-{i}", "x");
        }

        using var response = await _client.SendAsync(request, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task An_oversized_request_header_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "health");
        request.Headers.Add("X-Big", new string('x', 40 * 1024));

        using var response = await _client.SendAsync(request, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }
}
