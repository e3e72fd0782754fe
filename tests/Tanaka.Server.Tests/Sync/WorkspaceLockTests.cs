using Microsoft.Extensions.DependencyInjection;
using Tanaka.Server.Services;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>Syncs of one workspace wait for each other; syncs of different workspaces never do.</summary>
public sealed class WorkspaceLockTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_busy_workspace_blocks_its_own_syncs_but_not_another_workspace()
    {
        await using var server = await TanakaServer.StartAsync();
        var auth = server.Services.GetRequiredService<IAuthService>();
        using var clientA = server.CreateClient((await auth.CreateTokenAsync("a", "ws-a", Cancel)).Token);
        using var clientB = server.CreateClient((await auth.CreateTokenAsync("b", "ws-b", Cancel)).Token);
        using var deviceA = new TestDevice(clientA, "device-a");
        deviceA.SetTab("a", "https://a.example/", "A", 0);

        Task<SyncReply> waiting;
        using (await server.Services.GetRequiredService<WorkspaceLocks>().AcquireAsync("ws-a", Cancel))
        {
            waiting = deviceA.SyncAsync();
            var other = await SyncApi.SyncAsync(clientB, SyncApi.Body("device-b"));

            other.Clock.ShouldBeGreaterThanOrEqualTo(0);
            waiting.IsCompleted.ShouldBeFalse("workspace ws-a is locked");
        }

        (await waiting).Update.ShouldBeNull();
        (await SyncApi.GetRowsAsync(clientA, "tabs")).Count.ShouldBe(1);
        (await SyncApi.GetRowsAsync(clientB, "tabs")).Count.ShouldBe(0);
    }
}
