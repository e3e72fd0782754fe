using System.Net;
using Tanaka.Server.Cli;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;
using Tanaka.Server.Tests.Sync;

namespace Tanaka.Server.Tests.Auth;

/// <summary><c>tanaka token create|list|revoke</c> against the database a server uses.</summary>
public sealed class TokenCommandTests
{
    [Fact]
    public async Task Create_list_and_revoke_manage_the_tokens_a_server_accepts()
    {
        using var dir = new TempDirectory();
        var dataDir = "--server:data_dir=" + dir.File("data");

        var (created, createOutput, _) = await RunAsync("token", "create", "--name", "work laptop", "--workspace", "team-1", dataDir);
        var (secondCreated, secondOutput, _) = await RunAsync("token", "create", "--name", "phone", dataDir);

        created.ShouldBe(ExitCodes.Success);
        secondCreated.ShouldBe(ExitCodes.Success);
        var token = createOutput.Split().Single(w => w.StartsWith(AccessToken.Prefix, StringComparison.Ordinal));
        createOutput.ShouldContain("team-1");
        secondOutput.ShouldContain("'default'");

        var (listed, listOutput, _) = await RunAsync("token", "list", dataDir);
        listed.ShouldBe(ExitCodes.Success);
        var lines = listOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("ID");
        lines.Length.ShouldBe(3);
        lines[1].ShouldContain("work laptop");
        lines[1].ShouldContain("team-1");
        lines[1].ShouldContain("never");
        listOutput.ShouldNotContain(AccessToken.Prefix, Case.Sensitive, "list never shows tokens");

        await using (var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["server.data_dir"] = dir.File("data") }))
        {
            using var client = server.CreateClient(token);
            await SyncApi.SyncAsync(client, SyncApi.Body("laptop"));
        }

        var (revoked, revokeOutput, _) = await RunAsync("token", "revoke", "1", dataDir);
        revoked.ShouldBe(ExitCodes.Success);
        revokeOutput.ShouldContain("Revoked token 1");
        var (_, afterRevoke, _) = await RunAsync("token", "list", dataDir);
        var revokedLine = afterRevoke.Split('\n')[1];
        revokedLine.ShouldNotContain("never", Case.Sensitive, "the sync recorded its use");
        revokedLine.TrimEnd().ShouldEndWith("Z", Case.Sensitive, "the revoked column holds a time");

        await using (var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["server.data_dir"] = dir.File("data") }))
        {
            using var client = server.CreateClient(token);
            using var response = await SyncApi.PostAsync(client, SyncApi.Body("laptop"));
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Revoking_an_unknown_token_fails_with_a_message()
    {
        using var dir = new TempDirectory();

        var (exit, _, error) = await RunAsync("token", "revoke", "42", "--server:data_dir=" + dir.File("data"));

        exit.ShouldBe(ExitCodes.Failure);
        error.ShouldContain("no active token 42");
    }

    [Theory]
    [InlineData("--workspace", "not a valid id!")]
    [InlineData("--name", "")]
    public async Task Create_refuses_bad_names_and_workspaces(string option, string value)
    {
        using var dir = new TempDirectory();
        string[] args = option == "--name"
            ? ["token", "create", "--name", value, "--server:data_dir=" + dir.File("data")]
            : ["token", "create", "--name", "n", option, value, "--server:data_dir=" + dir.File("data")];

        var (exit, output, error) = await RunAsync(args);

        exit.ShouldNotBe(ExitCodes.Success);
        error.ShouldNotBeEmpty();
        output.ShouldNotContain(AccessToken.Prefix);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await TanakaCli.InvokeAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
