using Tanaka.Crdt.Types;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>Devices editing the same tabs concurrently and syncing in any order all end with the same document, and the rows match it.</summary>
public sealed class ConvergenceTests
{
    private const string Token = "convergence-test-token";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Devices_with_concurrent_edits_converge_whatever_the_sync_order(int seed)
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        var random = new Random(seed);
        var devices = Enumerable.Range(0, 4).Select(i => new TestDevice(client, $"device-{i}")).ToList();

        for (var step = 0; step < 120; step++)
        {
            var device = devices[random.Next(devices.Count)];
            if (random.Next(3) == 0)
            {
                await device.SyncAsync((SyncMode)random.Next(4));
            }
            else
            {
                RandomEdit(device, random);
            }
        }

        // Two rounds: the first brings every change to the server, the second to every device.
        foreach (var round in new[] { SyncMode.StateVector, SyncMode.Both })
        {
            foreach (var device in devices)
            {
                await device.SyncAsync(round);
            }
        }

        var fullState = await SyncApi.SyncAsync(client, SyncApi.Body("observer"));
        var expected = TestDocuments.TabsAndWindows(TestDocuments.FromUpdate(fullState.Update));
        foreach (var device in devices)
        {
            device.StateJson().ShouldBe(expected, $"{device.DeviceId} (seed {seed})");
        }

        await RowsShouldMatchDocumentAsync(client, devices[0]);
        foreach (var device in devices)
        {
            device.Dispose();
        }
    }

    [Fact]
    public async Task Devices_syncing_at_the_same_time_lose_no_update()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        var devices = Enumerable.Range(0, 8).Select(i => new TestDevice(client, $"parallel-{i}")).ToList();

        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < devices.Count; i++)
            {
                devices[i].SetTab($"tab-{i}-{round}", $"https://example.com/{i}/{round}", $"Device {i} round {round}", round);
            }

            await Task.WhenAll(devices.Select(d => d.SyncAsync(SyncMode.StateVector)));
        }

        await Task.WhenAll(devices.Select(d => d.SyncAsync(SyncMode.StateVector)));
        foreach (var device in devices)
        {
            device.Tabs.Count.ShouldBe(devices.Count * 5);
            device.StateJson().ShouldBe(devices[0].StateJson());
        }

        (await SyncApi.GetRowsAsync(client, "tabs")).Count.ShouldBe(devices.Count * 5);
        foreach (var device in devices)
        {
            device.Dispose();
        }
    }

    /// <summary>GET /tabs and GET /windows hold exactly the document's maps, field by field.</summary>
    internal static async Task RowsShouldMatchDocumentAsync(HttpClient client, TestDevice device)
    {
        var tabs = await SyncApi.GetRowsAsync(client, "tabs");
        tabs.Select(t => t!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)
            .ShouldBe(device.Tabs.Keys.Order(StringComparer.Ordinal));
        foreach (var row in tabs)
        {
            var tab = (YMap)device.Tabs.Get(row!["id"]!.GetValue<string>())!;
            row["window_id"]?.GetValue<string>().ShouldBe(tab.Get("window_id") as string);
            row["url"]?.GetValue<string>().ShouldBe(tab.Get("url") as string);
            row["title"]?.GetValue<string>().ShouldBe(tab.Get("title") as string);
            row["index"]?.GetValue<long>().ShouldBe((long)(double)tab.Get("index")!);
            row["active"]!.GetValue<bool>().ShouldBe(tab.Get("active") is true);
            row["pinned"]!.GetValue<bool>().ShouldBe(tab.Get("pinned") is true);
            DateTimeOffset.Parse(row["updated_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
                .ToUnixTimeMilliseconds().ShouldBe((long)(double)tab.Get("updated_at")!);
            row["clock"]!.GetValue<long>().ShouldBeGreaterThan(0);
            row["device_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        }

        var windows = await SyncApi.GetRowsAsync(client, "windows");
        windows.Select(w => w!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)
            .ShouldBe(device.Windows.Keys.Order(StringComparer.Ordinal));
        foreach (var row in windows)
        {
            var window = (YMap)device.Windows.Get(row!["id"]!.GetValue<string>())!;
            row["tracked"]!.GetValue<bool>().ShouldBe(window.Get("tracked") is true);
            row["focused"]!.GetValue<bool>().ShouldBe(window.Get("focused") is true);
            row["owner_device_id"]?.GetValue<string>().ShouldBe(window.Get("device_id") as string);
        }
    }

    internal static void RandomEdit(TestDevice device, Random random)
    {
        var id = $"tab-{random.Next(12)}";
        switch (random.Next(6))
        {
            case 0 or 1:
                device.SetTab(id, $"https://example.com/{random.Next(1000)}", $"Title {random.Next(1000)}", random.Next(20), $"w{random.Next(3)}", random.Next(2) == 0);
                break;
            case 2 when device.Tabs.ContainsKey(id) && device.Tabs.Get(id) is YMap:
                device.SetTabField(id, "title", $"Renamed {random.Next(1000)} by {device.DeviceId}");
                break;
            case 3 when device.Tabs.ContainsKey(id) && device.Tabs.Get(id) is YMap:
                device.SetTabField(id, "index", (long)random.Next(20));
                break;
            case 4:
                device.DeleteTab(id);
                break;
            default:
                device.SetWindow($"w{random.Next(3)}", tracked: random.Next(2) == 0, focused: random.Next(2) == 0);
                break;
        }
    }
}
