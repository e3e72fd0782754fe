using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tanaka.Server.Cli;
using Tanaka.Server.Repositories;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;
using Tanaka.Server.Tests.Sync;

namespace Tanaka.Server.Tests.Security;

/// <summary>A revoke, from the CLI or the repository, is effective at the running server's very next request.</summary>
public sealed class RevocationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_revoked_with_the_cli_while_the_server_runs_fails_at_the_next_request()
    {
        await using var server = await TanakaServer.StartAsync();
        var issued = await server.Services.GetRequiredService<IAuthService>().CreateTokenAsync("laptop", "default", Cancel);
        using var client = server.CreateClient(issued.Token);
        await SyncApi.SyncAsync(client, SyncApi.Body("laptop"));
        (await SyncApi.GetRowsAsync(client, "tabs")).Count.ShouldBe(0);

        var output = new StringWriter();
        var exit = await TanakaCli.InvokeAsync(
            ["token", "revoke", issued.Record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--server:data_dir=" + server.DataDir],
            output,
            new StringWriter(),
            Cancel);
        exit.ShouldBe(ExitCodes.Success, output.ToString());

        using var sync = await SyncApi.PostAsync(client, SyncApi.Body("laptop"));
        await SecurityProbe.ShouldBeUnauthorizedAsync(sync, "POST /sync right after the CLI revoke");
        using var tabs = await client.GetAsync("tabs", Cancel);
        await SecurityProbe.ShouldBeUnauthorizedAsync(tabs, "GET /tabs right after the CLI revoke");
    }

    [Fact]
    public async Task A_token_revoked_in_the_repository_fails_at_the_next_request_even_on_a_kept_alive_connection()
    {
        await using var server = await TanakaServer.StartAsync();
        var issued = await server.Services.GetRequiredService<IAuthService>().CreateTokenAsync("phone", "default", Cancel);
        using var client = server.CreateClient(issued.Token);
        using (var warm = await client.GetAsync("tabs", Cancel))
        {
            warm.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await server.Services.GetRequiredService<ITokenRepository>().RevokeAsync(issued.Record.Id, DateTimeOffset.UtcNow, Cancel)).ShouldBeTrue();

        using var next = await client.GetAsync("tabs", Cancel);
        await SecurityProbe.ShouldBeUnauthorizedAsync(next, "the request right after the revoke, same connection");
    }

    [Fact]
    public async Task Revoking_one_token_leaves_the_others_of_the_workspace_working()
    {
        await using var server = await TanakaServer.StartAsync();
        var auth = server.Services.GetRequiredService<IAuthService>();
        var revoked = await auth.CreateTokenAsync("lost phone", "default", Cancel);
        var kept = await auth.CreateTokenAsync("laptop", "default", Cancel);
        await auth.RevokeTokenAsync(revoked.Record.Id, Cancel);
        using var revokedClient = server.CreateClient(revoked.Token);
        using var keptClient = server.CreateClient(kept.Token);

        using var refused = await revokedClient.GetAsync("tabs", Cancel);
        await SecurityProbe.ShouldBeUnauthorizedAsync(refused, "the revoked token");
        (await SyncApi.GetRowsAsync(keptClient, "tabs")).Count.ShouldBe(0);
    }
}
