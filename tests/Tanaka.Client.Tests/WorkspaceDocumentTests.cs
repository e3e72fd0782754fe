using System.Text.Json.Nodes;
using Tanaka.Client.Devices;
using Tanaka.Client.Tests.Fakes;
using Tanaka.Crdt;
using Tanaka.Crdt.Types;
using Tanaka.Crdt.Updates;

namespace Tanaka.Client.Tests;

public sealed class WorkspaceDocumentTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_tab_is_a_nested_map_with_the_extension_field_names()
    {
        var workspace = Workspace();

        workspace.OpenTab(new TabState("t1", "w1", "https://a.example/", "A", 0, Active: true, Pinned: true, FavIconUrl: "https://a.example/f.ico"));

        workspace.Tabs.Get("t1").ShouldBeOfType<YMap>();
        var json = workspace.Tabs.ToJson()["t1"]!.AsObject();
        json.Select(p => p.Key).ShouldBe(
            ["window_id", "url", "title", "fav_icon_url", "index", "active", "pinned", "updated_at"], ignoreOrder: true);
        json["window_id"]!.GetValue<string>().ShouldBe("w1");
        json["index"]!.GetValue<double>().ShouldBe(0);
        json["active"]!.GetValue<bool>().ShouldBeTrue();
        json["updated_at"]!.GetValue<double>().ShouldBe(Now.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Opening_moving_and_closing_keep_each_window_indexed_from_zero_in_browser_order()
    {
        var workspace = Workspace();
        workspace.OpenTab(new TabState("a", "w1", "https://a/", "a", 0));
        workspace.OpenTab(new TabState("b", "w1", "https://b/", "b", 1));
        workspace.OpenTab(new TabState("c", "w1", "https://c/", "c", 99));
        workspace.OpenTab(new TabState("x", "w1", "https://x/", "x", 1));
        Order(workspace, "w1").ShouldBe(["a", "x", "b", "c"]);

        workspace.MoveTab("a", "w1", 2).ShouldBeTrue();
        Order(workspace, "w1").ShouldBe(["x", "b", "a", "c"]);

        workspace.MoveTab("b", "w2", 0).ShouldBeTrue();
        Order(workspace, "w1").ShouldBe(["x", "a", "c"]);
        Order(workspace, "w2").ShouldBe(["b"]);
        workspace.GetTab("b")!.WindowId.ShouldBe("w2");

        workspace.CloseTab("x").ShouldBeTrue();
        Order(workspace, "w1").ShouldBe(["a", "c"]);
        workspace.GetTab("x").ShouldBeNull();
        workspace.ListTabs("w1").Select(t => t.Index).ShouldBe([0, 1]);
    }

    [Fact]
    public void Activating_a_tab_deactivates_the_others_of_its_window_only()
    {
        var workspace = Workspace();
        workspace.OpenTab(new TabState("a", "w1", "https://a/", "a", 0, Active: true));
        workspace.OpenTab(new TabState("b", "w1", "https://b/", "b", 1));
        workspace.OpenTab(new TabState("z", "w2", "https://z/", "z", 0, Active: true));

        workspace.ActivateTab("b").ShouldBeTrue();

        workspace.GetTab("a")!.Active.ShouldBeFalse();
        workspace.GetTab("b")!.Active.ShouldBeTrue();
        workspace.GetTab("z")!.Active.ShouldBeTrue();
    }

    [Fact]
    public void Writing_a_tab_as_it_already_is_produces_no_update()
    {
        var workspace = Workspace();
        var tab = new TabState("a", "w1", "https://a/", "a", 0, UpdatedAt: Now);
        workspace.UpsertTab(tab);
        var updates = new List<byte[]>();
        workspace.Document.Updated += updates.Add;

        workspace.UpsertTab(tab);

        updates.ShouldBeEmpty();
    }

    [Fact]
    public void A_title_change_writes_only_title_and_updated_at()
    {
        var workspace = Workspace();
        workspace.OpenTab(new TabState("a", "w1", "https://a/", "a", 0, UpdatedAt: Now.AddMinutes(-5)));
        var before = new YDoc();
        before.ApplyUpdate(workspace.Document.EncodeStateAsUpdate());
        var clockBefore = StateVector.Decode(workspace.Document.EncodeStateVector()).Get(workspace.Document.ClientId);
        var updates = new List<byte[]>();
        workspace.Document.Updated += updates.Add;

        workspace.SetTitle("a", "renamed").ShouldBeTrue();

        // Two new items (title, updated_at), one clock each: nothing else of the tab is rewritten.
        StateVector.Decode(workspace.Document.EncodeStateVector()).Get(workspace.Document.ClientId).ShouldBe(clockBefore + 2);
        before.ApplyUpdate(updates.ShouldHaveSingleItem());
        new WorkspaceDocument(before).ToCanonicalJson().ShouldBe(workspace.ToCanonicalJson());
        workspace.GetTab("a")!.Title.ShouldBe("renamed");
    }

    [Fact]
    public void Edits_of_a_missing_tab_or_window_report_false_and_change_nothing()
    {
        var workspace = Workspace();
        var updates = new List<byte[]>();
        workspace.Document.Updated += updates.Add;

        workspace.SetTitle("nope", "x").ShouldBeFalse();
        workspace.Navigate("nope", "https://x/", "x").ShouldBeFalse();
        workspace.MoveTab("nope", "w1", 0).ShouldBeFalse();
        workspace.ActivateTab("nope").ShouldBeFalse();
        workspace.CloseTab("nope").ShouldBeFalse();
        workspace.CloseWindow("nope").ShouldBeFalse();

        updates.ShouldBeEmpty();
    }

    [Fact]
    public void Closing_a_window_closes_its_tabs()
    {
        var workspace = Workspace();
        workspace.UpsertWindow(new WindowState("w1", true, false, "laptop"));
        workspace.UpsertWindow(new WindowState("w2", true, true, "laptop"));
        workspace.OpenTab(new TabState("a", "w1", "https://a/", "a", 0));
        workspace.OpenTab(new TabState("b", "w2", "https://b/", "b", 0));

        workspace.CloseWindow("w1").ShouldBeTrue();

        workspace.ListWindows().ShouldBe([new WindowState("w2", true, true, "laptop")]);
        workspace.ListTabs().Select(t => t.Id).ShouldBe(["b"]);
    }

    [Fact]
    public void A_tab_stored_as_a_plain_object_reads_and_becomes_a_map_when_edited()
    {
        var workspace = Workspace();
        workspace.Tabs.Set("p", new Dictionary<string, object?>
        {
            ["window_id"] = "w1",
            ["url"] = "https://p/",
            ["title"] = "p",
            ["index"] = 0,
            ["active"] = true,
            ["pinned"] = false,
            ["updated_at"] = 1_700_000_000_000L,
        });

        var tab = workspace.GetTab("p")!;
        tab.ShouldBe(new TabState("p", "w1", "https://p/", "p", 0, Active: true, UpdatedAt: DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)));

        workspace.SetTitle("p", "q").ShouldBeTrue();

        workspace.Tabs.Get("p").ShouldBeOfType<YMap>();
        workspace.GetTab("p")!.ShouldBe(tab with { Title = "q", UpdatedAt = Now });
    }

    [Fact]
    public void Canonical_json_is_the_same_text_whatever_order_the_keys_arrived_in()
    {
        var first = Workspace();
        first.OpenTab(new TabState("a", "w1", "https://a/", "a", 0, UpdatedAt: Now));
        first.OpenTab(new TabState("b", "w1", "https://b/", "b", 1, UpdatedAt: Now));
        var second = new WorkspaceDocument(new YDoc());
        var updates = new List<byte[]>();
        var source = Workspace();
        source.Document.Updated += updates.Add;
        source.OpenTab(new TabState("a", "w1", "https://a/", "a", 0, UpdatedAt: Now));
        source.OpenTab(new TabState("b", "w1", "https://b/", "b", 1, UpdatedAt: Now));
        updates.Reverse();
        foreach (var u in updates)
        {
            second.Document.ApplyUpdate(u);
        }

        second.ToCanonicalJson().ShouldBe(source.ToCanonicalJson());
        var parsed = JsonNode.Parse(second.ToCanonicalJson())!.AsObject();
        parsed.Select(p => p.Key).ShouldBe(["tabs", "windows"]);
        parsed["tabs"]!.AsObject().Select(p => p.Key).ShouldBe(["a", "b"]);
    }

    private static WorkspaceDocument Workspace() => new(new YDoc(), new ManualTimeProvider(Now));

    private static string[] Order(WorkspaceDocument workspace, string windowId) =>
        [.. workspace.ListTabs(windowId).Select(t => t.Id)];
}
