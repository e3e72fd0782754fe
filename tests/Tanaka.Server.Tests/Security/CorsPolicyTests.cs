using System.Net;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Security;

/// <summary>
/// Preflights for the API itself (<c>/sync</c>, <c>/tabs</c>): extension origins and configured
/// origins are allowed, web pages are not, and no answer pairs a wildcard with credentials.
/// </summary>
public sealed class CorsPolicyTests : IAsyncLifetime
{
    private const string ConfiguredOrigin = "https://dashboard.example.org";
    private TanakaServer _server = null!;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await TanakaServer.StartAsync(new Dictionary<string, string?>
        {
            ["auth.token"] = "cors-test-token-for-default",
            ["sync.allowed_origins:0"] = ConfiguredOrigin,
        });
        _client = _server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("moz-extension://7f3c2a10-4b5d-4e6f-8a9b-0c1d2e3f4a5b", "sync", "POST")]
    [InlineData("moz-extension://7f3c2a10-4b5d-4e6f-8a9b-0c1d2e3f4a5b", "tabs", "GET")]
    [InlineData("chrome-extension://kbfnbcaeplbcioakkpcpgfkobkghlhen", "sync", "POST")]
    [InlineData(ConfiguredOrigin, "sync", "POST")]
    [InlineData(ConfiguredOrigin, "devices", "GET")]
    public async Task Preflights_from_allowed_origins_are_allowed_without_credentials(string origin, string path, string method)
    {
        using var response = await PreflightAsync(path, origin, method);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, "a preflight carries no token and must not be refused for it");
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([origin]);
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().ShouldContain(method);
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().ShouldContain("authorization", Case.Insensitive);
        AssertNoWildcardWithCredentials(response);
        response.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse();
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://evil.example:3000")]
    [InlineData("https://dashboard.example.org.evil.example")]
    [InlineData("http://dashboard.example.org")]
    [InlineData("null")]
    [InlineData("file://")]
    [InlineData("moz-extension://")]
    public async Task Preflights_from_other_origins_are_not_allowed(string origin)
    {
        foreach (var (path, method) in new[] { ("sync", "POST"), ("tabs", "GET") })
        {
            using var response = await PreflightAsync(path, origin, method);

            ((int)response.StatusCode).ShouldBeLessThan(500);
            response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse($"{origin} {method} {path}");
            response.Headers.Contains("Access-Control-Allow-Methods").ShouldBeFalse();
            response.Headers.Contains("Access-Control-Allow-Headers").ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("https://evil.example", false)]
    [InlineData("moz-extension://7f3c2a10-4b5d-4e6f-8a9b-0c1d2e3f4a5b", true)]
    public async Task Actual_requests_echo_only_allowed_origins_and_never_a_wildcard(string origin, bool allowed)
    {
        foreach (var token in new[] { null, "cors-test-token-for-default" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "tabs");
            request.Headers.Add("Origin", origin);
            if (token is not null)
            {
                request.Headers.Add("Authorization", "Bearer " + token);
            }

            using var response = await _client.SendAsync(request, Cancel);

            response.StatusCode.ShouldBe(token is null ? HttpStatusCode.Unauthorized : HttpStatusCode.OK);
            AssertNoWildcardWithCredentials(response);
            if (allowed)
            {
                response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([origin]);
            }
            else
            {
                response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse("the browser must not hand the answer to the page");
            }
        }
    }

    private static void AssertNoWildcardWithCredentials(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins))
        {
            origins.ShouldNotContain("*");
        }

        if (response.Headers.TryGetValues("Access-Control-Allow-Credentials", out var credentials))
        {
            credentials.ShouldNotContain("true");
        }
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await _client.SendAsync(request, Cancel);
    }
}
