using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>Devices running the real yjs and devices running Tanaka.Crdt edit and sync together and converge to the same document.</summary>
public sealed class YjsInteropTests
{
    private const string Token = "yjs-interop-test-token";

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task Yjs_and_Tanaka_devices_converge(int seed)
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        var random = new Random(seed);
        List<TestDevice> tanaka = [new(client, "tanaka-1"), new(client, "tanaka-2")];
        await using var yjs1 = YjsDevice.Start(server.BaseAddress, Token, "yjs-1");
        await using var yjs2 = YjsDevice.Start(server.BaseAddress, Token, "yjs-2");
        YjsDevice[] yjs = [yjs1, yjs2];

        for (var step = 0; step < 100; step++)
        {
            var pick = random.Next(tanaka.Count + yjs.Length);
            var mode = (SyncMode)random.Next(4);
            var syncs = random.Next(3) == 0;
            if (pick < tanaka.Count)
            {
                if (syncs)
                {
                    await tanaka[pick].SyncAsync(mode);
                }
                else
                {
                    ConvergenceTests.RandomEdit(tanaka[pick], random);
                }
            }
            else if (syncs)
            {
                (await yjs[pick - tanaka.Count].SyncAsync(mode))["status"]!.GetValue<int>().ShouldBe(200);
            }
            else
            {
                await yjs[pick - tanaka.Count].EditAsync(random.Next());
            }
        }

        foreach (var mode in new[] { SyncMode.StateVector, SyncMode.Both })
        {
            foreach (var device in tanaka)
            {
                await device.SyncAsync(mode);
            }

            foreach (var device in yjs)
            {
                await device.SyncAsync(mode);
            }
        }

        var expected = tanaka[0].StateJson();
        expected.ShouldNotBe("{\"tabs\":{},\"windows\":{}}");
        tanaka[1].StateJson().ShouldBe(expected);
        (await yjs1.StateJsonAsync()).ShouldBe(expected, "yjs renders the same document");
        (await yjs2.StateJsonAsync()).ShouldBe(expected);
        await ConvergenceTests.RowsShouldMatchDocumentAsync(client, tanaka[0]);
        foreach (var device in tanaka)
        {
            device.Dispose();
        }
    }
}
