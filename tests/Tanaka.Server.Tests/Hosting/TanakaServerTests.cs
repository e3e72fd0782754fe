using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Hosting;

/// <summary>The test host other tests rely on: real Kestrel, isolated configuration, restarts on the same data.</summary>
public sealed class TanakaServerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Servers_listen_on_loopback_with_a_free_port_and_their_own_data_directory()
    {
        await using var first = await TanakaServer.StartAsync();
        await using var second = await TanakaServer.StartAsync();

        first.BaseAddress.Host.ShouldBe("127.0.0.1");
        first.BaseAddress.Port.ShouldNotBe(second.BaseAddress.Port);
        first.DataDir.ShouldNotBe(second.DataDir);
        Directory.Exists(first.DataDir).ShouldBeTrue();
    }

    [Fact]
    public async Task Overrides_reach_the_options()
    {
        await using var server = await TanakaServer.StartAsync(config: new Dictionary<string, string?> { ["sync.max_tabs"] = "12", ["cache:max_documents"] = "3" });

        server.Services.GetRequiredService<IOptions<SyncOptions>>().Value.MaxTabs.ShouldBe(12);
        server.Services.GetRequiredService<IOptions<CacheOptions>>().Value.MaxDocuments.ShouldBe(3);
    }

    [Fact]
    public async Task Invalid_overrides_fail_the_start_with_the_key()
    {
        var error = await Should.ThrowAsync<InvalidConfigurationException>(
            () => TanakaServer.StartAsync(config: new Dictionary<string, string?> { ["sync:max_tabs"] = "0" }));

        error.Message.ShouldContain("sync.max_tabs");
    }

    [Fact]
    public async Task Restart_keeps_the_address_and_the_data_directory()
    {
        await using var server = await TanakaServer.StartAsync();
        var address = server.BaseAddress;
        var marker = Path.Combine(server.DataDir, "marker");
        await File.WriteAllTextAsync(marker, "kept", Cancel);
        using var client = server.CreateClient();

        await server.RestartAsync();
        using var response = await client.GetAsync("healthz", Cancel);

        server.BaseAddress.ShouldBe(address);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await File.ReadAllTextAsync(marker, Cancel)).ShouldBe("kept");
    }

    [Fact]
    public async Task Json_log_format_selects_the_json_console_formatter()
    {
        await using var text = await TanakaServer.StartAsync();
        await using var json = await TanakaServer.StartAsync(config: new Dictionary<string, string?> { ["observability:log_format"] = "json" });

        text.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.ShouldBe(ConsoleFormatterNames.Simple);
        json.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.ShouldBe(ConsoleFormatterNames.Json);
    }

    [Fact]
    public async Task The_client_sends_the_token_as_a_bearer_header()
    {
        await using var server = await TanakaServer.StartAsync();

        using var client = server.CreateClient("abc");

        client.DefaultRequestHeaders.Authorization!.ToString().ShouldBe("Bearer abc");
    }
}
