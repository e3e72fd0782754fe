using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Security;

/// <summary>
/// Every endpoint the running app maps, found through its <see cref="EndpointDataSource"/> (so an
/// endpoint added later is covered without touching this file), refuses requests without a valid
/// token, except the probes and, when configured so, the observability endpoints.
/// </summary>
public sealed class EndpointAccessTests
{
    private static readonly string[] AlwaysPublic = ["/healthz", "/ready", "/health"];
    private static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, bool, bool> Configurations => new()
    {
        // name, metrics_public, openapi and docs enabled
        { "defaults: metrics public, OpenAPI and docs on", true, true },
        { "metrics behind a token, OpenAPI and docs off", false, false },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task No_endpoint_but_the_public_ones_answers_without_a_valid_token(string name, bool metricsPublic, bool openApi)
    {
        await using var server = await StartAsync(metricsPublic, openApi);
        var auth = server.Services.GetRequiredService<IAuthService>();
        var valid = (await auth.CreateTokenAsync("valid", "default", Cancel)).Token;
        var revoked = await auth.CreateTokenAsync("revoked", "default", Cancel);
        (await auth.RevokeTokenAsync(revoked.Record.Id, Cancel)).ShouldBeTrue();
        using var client = server.CreateClient();
        var endpoints = MappedEndpoints(server);
        var publicPaths = PublicPaths(metricsPublic, openApi);

        endpoints.Select(e => e.Path).ShouldContain("/sync", name);
        endpoints.Select(e => e.Path).ShouldContain("/tabs", name);
        endpoints.Any(e => e.Path == "/metrics").ShouldBeTrue($"{name}: metrics are on in both configurations");
        endpoints.Any(e => e.Path.StartsWith("/openapi/", StringComparison.Ordinal)).ShouldBe(openApi, name);

        var (violations, checkedProtected) = await CheckEndpointsAsync(client, endpoints, publicPaths, valid, revoked.Token);

        violations.ShouldBeEmpty(name);
        checkedProtected.ShouldBeGreaterThanOrEqualTo(metricsPublic ? 4 : 5, $"{name}: /sync, /tabs, /windows, /devices{(metricsPublic ? "" : ", /metrics")}");
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task Unmapped_methods_and_paths_never_succeed_or_crash_without_a_token(string name, bool metricsPublic, bool openApi)
    {
        await using var server = await StartAsync(metricsPublic, openApi);
        using var client = server.CreateClient();
        var paths = MappedEndpoints(server).Select(e => e.Path)
            .Where(p => !PublicPaths(metricsPublic, openApi).Any(open => IsUnder(p, open)))
            .Concat(["/sync/", "/SYNC", "/tabs/x", "/admin", "/tokens", "/workspaces/default/tabs", "/%2e%2e/tabs"])
            .Distinct(StringComparer.Ordinal);

        foreach (var path in paths)
        {
            foreach (var method in Methods)
            {
                using var response = await ProbeAsync(client, method, path, null);
                var status = (int)response.StatusCode;
                status.ShouldBeInRange(400, 499, $"{name}: {method} {path}");
            }
        }
    }

    [Fact]
    public async Task Observability_endpoints_that_are_off_are_not_served_at_all()
    {
        await using var server = await StartAsync(metricsPublic: false, openApi: false);
        using var client = server.CreateClient();

        foreach (var path in new[] { "openapi/v1.json", "docs" })
        {
            using var response = await client.GetAsync(path, Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        using var metrics = await client.GetAsync("metrics", Cancel);
        await SecurityProbe.ShouldBeUnauthorizedAsync(metrics, "/metrics with metrics_public = false");
    }

    [Fact]
    public async Task Public_endpoints_answer_without_a_token_when_configured_public()
    {
        await using var server = await StartAsync(metricsPublic: true, openApi: true);
        using var client = server.CreateClient();

        foreach (var path in new[] { "healthz", "ready", "health", "metrics", "openapi/v1.json" })
        {
            using var response = await client.GetAsync(path, Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task The_check_catches_an_endpoint_mapped_without_authorization()
    {
        await using var server = await TanakaServer.StartAsync(
            new Dictionary<string, string?> { ["auth.max_failed_attempts_per_minute"] = "10000" },
            configureEndpoints: app => app.MapGet("/test/leak", () => "private tabs"));
        var auth = server.Services.GetRequiredService<IAuthService>();
        var valid = (await auth.CreateTokenAsync("valid", "default", Cancel)).Token;
        var revoked = await auth.CreateTokenAsync("revoked", "default", Cancel);
        await auth.RevokeTokenAsync(revoked.Record.Id, Cancel);
        using var client = server.CreateClient();

        var (violations, _) = await CheckEndpointsAsync(client, MappedEndpoints(server), PublicPaths(true, true), valid, revoked.Token);

        violations.ShouldNotBeEmpty();
        violations.ShouldAllBe(v => v.StartsWith("GET /test/leak", StringComparison.Ordinal));
    }

    /// <summary>
    /// Sends every refused kind of Authorization to every non-public endpoint; returns what did
    /// not answer 401 <c>unauthorized</c>, and how many protected endpoints were checked.
    /// </summary>
    private static async Task<(List<string> Violations, int Checked)> CheckEndpointsAsync(
        HttpClient client,
        List<(HttpMethod Method, string Path)> endpoints,
        string[] publicPaths,
        string valid,
        string revoked)
    {
        string?[] refused =
        [
            null,
            "Bearer " + AccessToken.Generate(),
            "Bearer " + valid + "x",
            "Bearer " + revoked,
            "Bearer",
            "Bearer ",
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("default:" + valid)),
            valid,
            "Token " + valid,
            "Bearer " + new string('a', 5000),
        ];
        var violations = new List<string>();
        var checkedProtected = 0;
        foreach (var (method, path) in endpoints)
        {
            if (publicPaths.Any(p => IsUnder(path, p)))
            {
                using var open = await ProbeAsync(client, method, path, null);
                if ((int)open.StatusCode >= 500)
                {
                    violations.Add($"{method} {path} (public) answered {(int)open.StatusCode}");
                }

                continue;
            }

            foreach (var authorization in refused)
            {
                using var response = await ProbeAsync(client, method, path, authorization);
                try
                {
                    await SecurityProbe.ShouldBeUnauthorizedAsync(response, $"{method} {path}");
                }
                catch (Exception e) when (e is ShouldAssertException or System.Text.Json.JsonException)
                {
                    violations.Add($"{method} {path} with Authorization '{Shorten(authorization)}': {e.Message}");
                }
            }

            // The 401s above come from the token, not from a broken endpoint: the valid token gets through.
            using var allowed = await ProbeAsync(client, method, path, "Bearer " + valid);
            if ((int)allowed.StatusCode is 401 or 403 or >= 500)
            {
                violations.Add($"{method} {path} with the valid token answered {(int)allowed.StatusCode}");
            }

            checkedProtected++;
        }

        return (violations, checkedProtected);
    }

    private static Task<TanakaServer> StartAsync(bool metricsPublic, bool openApi) =>
        TanakaServer.StartAsync(new Dictionary<string, string?>
        {
            ["auth.max_failed_attempts_per_minute"] = "10000",
            ["observability.metrics_enabled"] = "true",
            ["observability.metrics_public"] = metricsPublic ? "true" : "false",
            ["observability.openapi_enabled"] = openApi ? "true" : "false",
            ["observability.docs_enabled"] = openApi ? "true" : "false",
        });

    private static string[] PublicPaths(bool metricsPublic, bool openApi) =>
        [.. AlwaysPublic, .. metricsPublic ? ["/metrics"] : Array.Empty<string>(), .. openApi ? ["/openapi", "/docs"] : Array.Empty<string>()];

    private static bool IsUnder(string path, string prefix) =>
        path.Equals(prefix, StringComparison.Ordinal) || path.StartsWith(prefix + "/", StringComparison.Ordinal);

    /// <summary>Every (method, concrete path) the app routes, with route parameters filled in.</summary>
    private static List<(HttpMethod Method, string Path)> MappedEndpoints(TanakaServer server)
    {
        var source = server.Services.GetRequiredService<EndpointDataSource>();
        var result = new List<(HttpMethod, string)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var path = Concrete(endpoint.RoutePattern);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared
                ? declared.Where(m => m != HttpMethods.Options && m != HttpMethods.Head).Select(m => new HttpMethod(m))
                : [HttpMethod.Get];
            result.AddRange(methods.Select(m => (m, path)));
        }

        result.ShouldNotBeEmpty("the app's EndpointDataSource lists the mapped endpoints");
        return [.. result.Distinct()];
    }

    private static string Concrete(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    // The OpenAPI document is named v1; any other parameter takes its default or a plain value.
                    RoutePatternParameterPart { Name: "documentName" } => "v1",
                    RoutePatternParameterPart { Default: { } value } => value.ToString(),
                    RoutePatternParameterPart { IsOptional: true } => "",
                    _ => "x",
                });
            }

            if (text.Length > 0)
            {
                path.Append('/').Append(text);
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static Task<HttpResponseMessage> ProbeAsync(HttpClient client, HttpMethod method, string path, string? authorization)
    {
        var content = method == HttpMethod.Get || method == HttpMethod.Delete
            ? null
            : new StringContent("{}", Encoding.UTF8, "application/json");
        return SecurityProbe.SendAsync(client, method, path, authorization, content);
    }

    private static string Shorten(string? authorization) =>
        authorization is null ? "(none)" : authorization.Length > 24 ? authorization[..24] + "…" : authorization;
}
