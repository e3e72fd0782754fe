using System.Net;
using Tanaka.Crdt.Types;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>An update that would break a domain rule is rejected whole with 422, and the workspace stays as it was.</summary>
public sealed class DomainRuleTests
{
    private const string Token = "domain-test-token";

    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["auth.token"] = Token,
        ["sync.max_tabs"] = "5",
        ["sync.max_url_length"] = "100",
        ["sync.max_title_length"] = "50",
        ["sync.max_id_length"] = "20",
    };

    private static readonly Dictionary<string, (Action<TestDevice> Edit, string Field)> Cases = new()
    {
        ["url too long"] = (d => d.SetTabField("t0", "url", "https://example.com/" + new string('a', 100)), "tabs.t0.url"),
        ["title too long"] = (d => d.SetTabField("t0", "title", new string('t', 51)), "tabs.t0.title"),
        ["fav icon url too long"] = (d => d.SetTabField("t0", "fav_icon_url", "data:" + new string('a', 100)), "tabs.t0.fav_icon_url"),
        ["index negative"] = (d => d.SetTabField("t0", "index", -1L), "tabs.t0.index"),
        ["index a fraction"] = (d => d.SetTabField("t0", "index", 1.5), "tabs.t0.index"),
        ["index a string"] = (d => d.SetTabField("t0", "index", "3"), "tabs.t0.index"),
        ["url not a string"] = (d => d.SetTabField("t0", "url", 42L), "tabs.t0.url"),
        ["active not a boolean"] = (d => d.SetTabField("t0", "active", "yes"), "tabs.t0.active"),
        ["updated_at not a time"] = (d => d.SetTabField("t0", "updated_at", "yesterday"), "tabs.t0.updated_at"),
        ["window_id too long"] = (d => d.SetTabField("t0", "window_id", new string('w', 21)), "tabs.t0.window_id"),
        ["tab id too long"] = (d => d.SetTab(new string('i', 21), "https://a.example/", "A", 0), "tabs." + new string('i', 21)),
        ["tab not a map"] = (d => d.Doc.Transact(() => d.Tabs.Set("t9", "just a string")), "tabs.t9"),
        ["too many tabs"] = (d => d.Doc.Transact(() =>
        {
            for (var i = 10; i < 13; i++)
            {
                d.SetTab($"t{i}", "https://example.com/", "T", i);
            }
        }), "tabs"),
        ["window focused not a boolean"] = (d => d.Doc.Transact(() => d.Windows.SetMap("w1").Set("focused", 1L)), "windows.w1.focused"),
        ["window id too long"] = (d => d.SetWindow(new string('w', 21), tracked: true, focused: false), "windows." + new string('w', 21)),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_violating_update_is_rejected_whole_and_changes_nothing(string name)
    {
        var (edit, field) = Cases[name];
        await using var server = await TanakaServer.StartAsync(Limits);
        using var client = server.CreateClient(Token);
        using var device = await SeededDeviceAsync(client);
        var before = await ServerState.CaptureAsync(server, client);

        // A valid change travels in the same update as the violation: it is rejected with it.
        device.SetTab("t1", "https://valid.example/", "Valid change", 1);
        edit(device);
        using var response = await SyncApi.PostAsync(client, SyncApi.Body(device.DeviceId, device.Unsent));

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, text);
        var problem = await SyncApi.ProblemAsync(response);
        problem.GetProperty("code").GetString().ShouldBe("domain_rule_violated");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain(field, text);
        before.ShouldBeUnchangedIn(await ServerState.CaptureAsync(server, client));
    }

    [Fact]
    public async Task After_a_rejection_valid_updates_apply_to_the_document_as_stored()
    {
        await using var server = await TanakaServer.StartAsync(Limits);
        using var client = server.CreateClient(Token);
        using var device = await SeededDeviceAsync(client);
        device.SetTabField("t0", "title", new string('t', 51));
        using (var rejected = await SyncApi.PostAsync(client, SyncApi.Body(device.DeviceId, device.Unsent)))
        {
            rejected.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        }

        using var other = new TestDevice(client, "other");
        await other.SyncAsync();
        other.SetTabField("t0", "url", "https://other.example/");
        await other.SyncAsync();

        var full = await SyncApi.SyncAsync(client, SyncApi.Body("observer"));
        var state = TestDocuments.FromUpdate(full.Update);
        var tab = (YMap)state.GetMap("tabs").Get("t0")!;
        tab.Get("title").ShouldBe("Tab 0", "the rejected title never reached the document");
        tab.Get("url").ShouldBe("https://other.example/");
        (await SyncApi.GetRowsAsync(client, "tabs")).Single(t => t!["id"]!.GetValue<string>() == "t0")!["title"]!.GetValue<string>().ShouldBe("Tab 0");
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_rejected()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?>
        {
            ["auth.token"] = Token,
            ["sync.max_document_bytes"] = "2000",
        });
        using var client = server.CreateClient(Token);
        using var device = new TestDevice(client, "device");
        device.SetTab("small", "https://a.example/", "A", 0);
        await device.SyncAsync();
        var before = await ServerState.CaptureAsync(server, client);

        for (var i = 0; i < 20; i++)
        {
            device.SetTab($"tab-{i}", $"https://example.com/{i}/" + new string('p', 60), $"Title {i}", i);
        }

        using var response = await SyncApi.PostAsync(client, SyncApi.Body(device.DeviceId, device.Unsent));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await SyncApi.ProblemAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldContain("document");
        before.ShouldBeUnchangedIn(await ServerState.CaptureAsync(server, client));
    }

    [Fact]
    public async Task Deleting_a_tab_deletes_its_row()
    {
        await using var server = await TanakaServer.StartAsync(Limits);
        using var client = server.CreateClient(Token);
        using var device = await SeededDeviceAsync(client);

        device.DeleteTab("t0");
        await device.SyncAsync();

        (await SyncApi.GetRowsAsync(client, "tabs")).Select(t => t!["id"]!.GetValue<string>()).ShouldBe(["t1", "t2"]);
        await ConvergenceTests.RowsShouldMatchDocumentAsync(client, device);
    }

    private static async Task<TestDevice> SeededDeviceAsync(HttpClient client)
    {
        var device = new TestDevice(client, "device-seed");
        device.SetWindow("w1", tracked: true, focused: true);
        for (var i = 0; i < 3; i++)
        {
            device.SetTab($"t{i}", $"https://example.com/{i}", $"Tab {i}", i);
        }

        await device.SyncAsync();
        return device;
    }
}
