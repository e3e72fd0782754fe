using System.Net;
using System.Text;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Security;

/// <summary>Security headers on answers of every kind the API gives (success, auth failures, throttling, bad input), and no server banner.</summary>
public sealed class ResponseHeaderTests
{
    private const string Token = "headers-test-token-for-default";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Success_and_error_answers_all_carry_the_security_headers_and_no_server_header()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?>
        {
            ["auth.token"] = Token,
            ["auth.max_failed_attempts_per_minute"] = "1",
        });
        using var client = server.CreateClient();
        var cases = new List<(string What, HttpStatusCode Expected, HttpResponseMessage Response)>
        {
            ("GET /tabs with the token", HttpStatusCode.OK, await SecurityProbe.SendAsync(client, HttpMethod.Get, "tabs", "Bearer " + Token)),
            ("POST /sync with the token", HttpStatusCode.OK, await SecurityProbe.SendAsync(client, HttpMethod.Post, "sync", "Bearer " + Token, Json("""{"device_id":"d1"}"""))),
            ("POST /sync with bad JSON", HttpStatusCode.BadRequest, await SecurityProbe.SendAsync(client, HttpMethod.Post, "sync", "Bearer " + Token, Json("{not json"))),
            ("GET /sync", HttpStatusCode.MethodNotAllowed, await SecurityProbe.SendAsync(client, HttpMethod.Get, "sync", null)),
            ("GET /nowhere", HttpStatusCode.NotFound, await SecurityProbe.SendAsync(client, HttpMethod.Get, "nowhere", null)),
            ("GET /tabs without a token", HttpStatusCode.Unauthorized, await SecurityProbe.SendAsync(client, HttpMethod.Get, "tabs", null)),
            ("GET /tabs with a wrong token", HttpStatusCode.Unauthorized, await SecurityProbe.SendAsync(client, HttpMethod.Get, "tabs", "Bearer wrong")),
            ("GET /tabs once throttled", HttpStatusCode.TooManyRequests, await SecurityProbe.SendAsync(client, HttpMethod.Get, "tabs", "Bearer " + Token)),
        };

        try
        {
            foreach (var (what, expected, response) in cases)
            {
                response.StatusCode.ShouldBe(expected, what);
                response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], what);
                response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"], what);
                response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"], what);
                response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'", Case.Sensitive, what);
                response.Headers.CacheControl?.NoStore.ShouldBe(true, what);
                response.Headers.Contains("Server").ShouldBeFalse(what);
                response.Headers.Contains("X-Powered-By").ShouldBeFalse(what);
            }
        }
        finally
        {
            foreach (var (_, _, response) in cases)
            {
                response.Dispose();
            }
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
