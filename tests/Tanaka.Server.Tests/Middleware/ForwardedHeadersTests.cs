using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tanaka.Server.Config;
using Tanaka.Server.Tests.Config;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Middleware;

/// <summary>X-Forwarded-For/-Proto count only when they come from a configured proxy.</summary>
public sealed class ForwardedHeadersTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("127.0.0.1", "203.0.113.9", "https")]
    [InlineData("127.0.0.0/8", "203.0.113.9", "https")]
    [InlineData("10.0.0.1", "127.0.0.1", "http")]
    public async Task Forwarded_headers_are_believed_only_from_trusted_proxies(string trusted, string expectedClient, string expectedScheme)
    {
        await using var server = await TanakaServer.StartAsync(
            config: new Dictionary<string, string?> { ["server:trusted_proxies:0"] = trusted },
            configureEndpoints: MapWhoAmI);
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "test/whoami");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request, Cancel);
        var seen = await response.Content.ReadFromJsonAsync<string[]>(Cancel);

        seen.ShouldBe([expectedClient, expectedScheme]);
    }

    [Fact]
    public async Task Without_trusted_proxies_the_headers_are_ignored()
    {
        await using var server = await TanakaServer.StartAsync(configureEndpoints: MapWhoAmI);
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "test/whoami");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request, Cancel);

        (await response.Content.ReadFromJsonAsync<string[]>(Cancel)).ShouldBe(["127.0.0.1", "http"]);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public void A_trusted_proxy_must_be_an_address_or_network()
    {
        var error = Should.Throw<InvalidConfigurationException>(() => ConfigurationBuilding.Build(args: ["--server:trusted_proxies:0=proxy.lan"]));

        error.Errors.ShouldHaveSingleItem().ShouldStartWith("server.trusted_proxies[0]:");
    }

    private static void MapWhoAmI(IEndpointRouteBuilder app) =>
        app.MapGet("/test/whoami", (HttpContext context) => TypedResults.Ok(new[]
        {
            context.Connection.RemoteIpAddress!.MapToIPv4().ToString(),
            context.Request.Scheme,
        })).AllowAnonymous();
}
