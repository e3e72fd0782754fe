using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tanaka.Server.Hosting;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Health;

public sealed class HealthEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Liveness_answers_without_running_checks()
    {
        await using var server = await TanakaServer.StartAsync(configureServices: AddCheck("broken", HealthCheckResult.Unhealthy("down")));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("healthz", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        body.GetProperty("status").GetString().ShouldBe("healthy");
        body.GetProperty("checks").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Ready_lists_each_check_by_name()
    {
        await using var server = await TanakaServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync("ready", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        body.GetProperty("status").GetString().ShouldBe("healthy");
        var dataDirectory = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "data_directory");
        dataDirectory.GetProperty("status").GetString().ShouldBe("healthy");
        dataDirectory.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Ready_is_503_when_the_data_directory_is_gone()
    {
        await using var server = await TanakaServer.StartAsync();
        using var client = server.CreateClient();
        Directory.Delete(server.DataDir, recursive: true);

        using var ready = await client.GetAsync("ready", Cancel);
        using var live = await client.GetAsync("healthz", Cancel);

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        body.GetProperty("status").GetString().ShouldBe("unhealthy");
        var check = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "data_directory");
        check.GetProperty("status").GetString().ShouldBe("unhealthy");
        check.GetProperty("description").GetString()!.ShouldNotContain(server.DataDir, Case.Insensitive, "public output must not reveal paths");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Ready_is_503_when_any_ready_check_fails_and_ignores_checks_without_the_tag()
    {
        await using var server = await TanakaServer.StartAsync(configureServices: services =>
        {
            AddCheck("replica", HealthCheckResult.Unhealthy("replica unreachable"))(services);
            services.AddHealthChecks().AddCheck("untagged", () => HealthCheckResult.Unhealthy("not part of readiness"));
        });
        using var client = server.CreateClient();

        using var response = await client.GetAsync("ready", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("checks").EnumerateArray().ToList();
        checks.Single(c => c.GetProperty("name").GetString() == "replica").GetProperty("description").GetString().ShouldBe("replica unreachable");
        checks.ShouldNotContain(c => c.GetProperty("name").GetString() == "untagged");
    }

    [Fact]
    public async Task A_degraded_check_keeps_the_server_ready()
    {
        await using var server = await TanakaServer.StartAsync(configureServices: AddCheck("slow", HealthCheckResult.Degraded("slow disk")));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("ready", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString().ShouldBe("degraded");
    }

    [Fact]
    public async Task Health_answers_status_ok_and_the_release_version_for_the_05_extension()
    {
        await using var server = await TanakaServer.StartAsync();
        using var client = server.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("health", Cancel);

        body.GetProperty("status").GetString().ShouldBe("ok");
        var expected = typeof(TanakaApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        body.GetProperty("version").GetString().ShouldBe(expected);
    }

    [Fact]
    public async Task A_service_replaced_through_DI_is_the_one_the_endpoint_uses()
    {
        await using var server = await TanakaServer.StartAsync(configureServices: services => services.Replace(ServiceDescriptor.Singleton(new BuildInfo("9.9.9-test"))));
        using var client = server.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("health", Cancel);

        body.GetProperty("version").GetString().ShouldBe("9.9.9-test");
    }

    private static Action<IServiceCollection> AddCheck(string name, HealthCheckResult result) =>
        services => services.AddHealthChecks().AddCheck(name, () => result, tags: [HealthTags.Ready]);
}
