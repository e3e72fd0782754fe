using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tanaka.Server.Repositories;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;
using Tanaka.Server.Tests.Sync;

namespace Tanaka.Server.Tests.Auth;

/// <summary>Tokens open exactly one workspace, revocation is immediate, guessing is throttled, and tokens never reach the logs.</summary>
public sealed class TokenAuthenticationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_of_one_workspace_never_reads_or_writes_another()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = "shared-token-for-default" });
        var auth = server.Services.GetRequiredService<IAuthService>();
        using var defaultClient = server.CreateClient("shared-token-for-default");
        using var otherClient = server.CreateClient((await auth.CreateTokenAsync("other", "workspace-b", Cancel)).Token);
        using var inDefault = new TestDevice(defaultClient, "laptop");
        using var inOther = new TestDevice(otherClient, "laptop");
        inDefault.SetTab("private", "https://bank.example/", "My bank", 0);
        await inDefault.SyncAsync();

        inOther.SetTab("other-tab", "https://news.example/", "News", 0);
        var otherReply = await inOther.SyncAsync(SyncMode.Nothing);

        inOther.Tabs.Keys.ShouldBe(["other-tab"], "workspace-b's full state holds nothing of default");
        TestDocuments.FromUpdate(otherReply.Update).GetMap("tabs").ContainsKey("private").ShouldBeFalse();
        (await SyncApi.GetRowsAsync(otherClient, "tabs")).Select(t => t!["id"]!.GetValue<string>()).ShouldBe(["other-tab"]);
        (await SyncApi.GetRowsAsync(defaultClient, "tabs")).Select(t => t!["id"]!.GetValue<string>()).ShouldBe(["private"]);
        (await SyncApi.GetRowsAsync(otherClient, "devices")).Count.ShouldBe(1);
        var full = await SyncApi.SyncAsync(defaultClient, SyncApi.Body("observer"));
        TestDocuments.FromUpdate(full.Update).GetMap("tabs").Keys.ShouldBe(["private"]);
    }

    [Fact]
    public async Task A_revoked_token_fails_at_the_next_request()
    {
        await using var server = await TanakaServer.StartAsync();
        var auth = server.Services.GetRequiredService<IAuthService>();
        var issued = await auth.CreateTokenAsync("phone", "default", Cancel);
        using var client = server.CreateClient(issued.Token);
        (await SyncApi.GetRowsAsync(client, "tabs")).Count.ShouldBe(0);

        (await auth.RevokeTokenAsync(issued.Record.Id, Cancel)).ShouldBeTrue();

        foreach (var resource in new[] { "tabs", "windows", "devices" })
        {
            using var response = await client.GetAsync(resource, Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var sync = await SyncApi.PostAsync(client, SyncApi.Body("phone"));
        sync.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await auth.RevokeTokenAsync(issued.Record.Id, Cancel)).ShouldBeFalse("already revoked");
    }

    [Fact]
    public async Task Use_of_a_token_is_recorded()
    {
        await using var server = await TanakaServer.StartAsync();
        var auth = server.Services.GetRequiredService<IAuthService>();
        var issued = await auth.CreateTokenAsync("phone", "default", Cancel);
        issued.Record.LastUsedAt.ShouldBeNull();
        using var client = server.CreateClient(issued.Token);

        await SyncApi.GetRowsAsync(client, "tabs");

        var stored = await server.Services.GetRequiredService<ITokenRepository>().GetAsync(issued.Record.Id, Cancel);
        stored!.LastUsedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Failed_attempts_are_throttled_per_address_even_for_a_valid_token_afterwards()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?>
        {
            ["auth.token"] = "the-right-token-for-default",
            ["auth.max_failed_attempts_per_minute"] = "3",
        });
        using var wrong = server.CreateClient("a-wrong-token");
        using var right = server.CreateClient("the-right-token-for-default");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await wrong.GetAsync("tabs", Cancel);
            statuses.Add(response.StatusCode);
        }

        using var blocked = await right.GetAsync("tabs", Cancel);

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
        blocked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "while blocked, answers reveal nothing about guesses");
        blocked.Headers.RetryAfter.ShouldNotBeNull();
        (await SyncApi.ProblemAsync(blocked)).GetProperty("code").GetString().ShouldBe("rate_limited");
    }

    [Fact]
    public async Task Requests_without_a_token_do_not_count_as_failed_attempts()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?>
        {
            ["auth.token"] = "the-right-token-for-default",
            ["auth.max_failed_attempts_per_minute"] = "1",
        });
        using var anonymous = server.CreateClient();
        using var right = server.CreateClient("the-right-token-for-default");
        for (var i = 0; i < 3; i++)
        {
            using var response = await anonymous.GetAsync("tabs", Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var allowed = await right.GetAsync("tabs", Cancel);
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Tokens_never_appear_in_logs()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = "configured-secret-token" });
        var auth = server.Services.GetRequiredService<IAuthService>();
        var issued = await auth.CreateTokenAsync("phone", "default", Cancel);
        await auth.RevokeTokenAsync(issued.Record.Id, Cancel);
        using var good = server.CreateClient("configured-secret-token");
        using var revoked = server.CreateClient(issued.Token);
        using var guessed = server.CreateClient("guessed-secret-token");

        await SyncApi.SyncAsync(good, SyncApi.Body("device"));
        (await revoked.GetAsync("tabs", Cancel)).Dispose();
        (await guessed.GetAsync("tabs", Cancel)).Dispose();

        var logs = server.Logs.AllText();
        logs.ShouldContain("revoked token");
        logs.ShouldContain("unknown token");
        logs.ShouldNotContain("configured-secret-token");
        logs.ShouldNotContain(issued.Token);
        logs.ShouldNotContain("guessed-secret-token");
    }

    [Fact]
    public async Task A_fresh_server_creates_one_token_prints_it_once_and_stores_only_its_hash()
    {
        var console = new StringWriter();
        await using var server = await TanakaServer.StartAsync(configureServices: services => services.AddSingleton(new ConsoleBanner(console)));

        var token = console.ToString().Split().Single(w => w.StartsWith(AccessToken.Prefix, StringComparison.Ordinal));
        using var client = server.CreateClient(token);
        (await SyncApi.GetRowsAsync(client, "tabs")).Count.ShouldBe(0);
        var stored = await server.Services.GetRequiredService<ITokenRepository>().ListAsync(Cancel);
        stored.ShouldHaveSingleItem().WorkspaceId.ShouldBe("default");
        stored[0].Hash.ShouldBe(Tanaka.Server.Domain.TokenHash.Of(token));
        Convert.FromBase64String(ToStandardBase64(token[AccessToken.Prefix.Length..])).Length.ShouldBe(32, "256 random bits");
        server.Logs.AllText().ShouldNotContain(token);

        await server.RestartAsync();
        console.ToString().Split().Count(w => w.StartsWith(AccessToken.Prefix, StringComparison.Ordinal)).ShouldBe(1, "printed once, not at every start");
    }

    [Fact]
    public async Task A_configured_token_means_no_token_is_created()
    {
        var console = new StringWriter();
        await using var server = await TanakaServer.StartAsync(
            new Dictionary<string, string?> { ["auth.token"] = "configured-token-for-default" },
            services => services.AddSingleton(new ConsoleBanner(console)));

        console.ToString().ShouldBeEmpty();
        (await server.Services.GetRequiredService<ITokenRepository>().ListAsync(Cancel)).ShouldBeEmpty();
    }

    private static string ToStandardBase64(string base64Url)
    {
        var standard = base64Url.Replace('-', '+').Replace('_', '/');
        return standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
    }
}
