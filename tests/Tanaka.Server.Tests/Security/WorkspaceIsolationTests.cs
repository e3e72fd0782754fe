using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;
using Tanaka.Server.Tests.Sync;

namespace Tanaka.Server.Tests.Security;

/// <summary>A token opens its own workspace only: nothing in a request can point it at another.</summary>
public sealed class WorkspaceIsolationTests
{
    private const string SecretUrl = "https://bank.example/b-only-account";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_of_workspace_a_can_neither_read_nor_write_workspace_b()
    {
        await using var server = await TanakaServer.StartAsync();
        var auth = server.Services.GetRequiredService<IAuthService>();
        using var clientA = server.CreateClient((await auth.CreateTokenAsync("a", "workspace-a", Cancel)).Token);
        using var clientB = server.CreateClient((await auth.CreateTokenAsync("b", "workspace-b", Cancel)).Token);
        using (var deviceB = new TestDevice(clientB, "b-laptop"))
        {
            deviceB.SetTab("b-tab", SecretUrl, "B's bank", 0);
            await deviceB.SyncAsync();
        }

        var bTabsBefore = (await SyncApi.GetRowsAsync(clientB, "tabs")).ToJsonString();
        var bDevicesBefore = (await SyncApi.GetRowsAsync(clientB, "devices")).ToJsonString();

        // A writes, including a tab with B's tab id, and tries to name workspace B in the body and the query.
        using var deviceA = new TestDevice(clientA, "b-laptop");
        deviceA.SetTab("b-tab", "https://attacker.example/", "Overwritten", 0);
        var body = SyncApi.Body(deviceA.DeviceId, deviceA.Unsent);
        body["workspace_id"] = "workspace-b";
        body["workspace"] = "workspace-b";
        using (var response = await clientA.PostAsync("sync?workspace=workspace-b&workspace_id=workspace-b", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Cancel))
        {
            var text = await response.Content.ReadAsStringAsync(Cancel);
            ((int)response.StatusCode).ShouldBeLessThan(500, text);
            text.ShouldNotContain("b-only-account");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var update = JsonNode.Parse(text)!["update"]?.GetValue<string>();
                if (update is not null)
                {
                    Encoding.UTF8.GetString(Convert.FromBase64String(update)).ShouldNotContain("b-only-account");
                }
            }
        }

        var full = await SyncApi.SyncAsync(clientA, SyncApi.Body("a-reader"));
        Encoding.UTF8.GetString(full.Update ?? []).ShouldNotContain("b-only-account", Case.Sensitive, "A's full state");
        foreach (var resource in new[] { "tabs", "windows", "devices" })
        {
            using var response = await clientA.GetAsync(resource + "?workspace=workspace-b", Cancel);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            text.ShouldNotContain("b-only-account", Case.Sensitive, resource);
        }

        (await SyncApi.GetRowsAsync(clientB, "tabs")).ToJsonString().ShouldBe(bTabsBefore, "A's writes never reach B");
        (await SyncApi.GetRowsAsync(clientB, "devices")).ToJsonString().ShouldBe(bDevicesBefore);
        var bFull = await SyncApi.SyncAsync(clientB, SyncApi.Body("b-reader"));
        Encoding.UTF8.GetString(bFull.Update!).ShouldNotContain("attacker.example");
    }
}
