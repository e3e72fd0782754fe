using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;
using static Tanaka.Server.Tests.Repositories.StorageSamples;

namespace Tanaka.Server.Tests.Repositories;

/// <summary>Tab and window rows and device sync state, written by commits and read back.</summary>
public abstract class MaterializedRowsContract : StorageContract
{
    [Fact]
    public async Task Tabs_come_back_with_every_field_and_the_commit_that_wrote_them()
    {
        var full = Tab("t1", index: 4, title: "Ünïcødé ✓ title", seconds: 5) with { Pinned = true, Active = true };
        var sparse = new Tab("t2", null, null, null, null, null, false, false, At(6));

        var result = await Storage.Store.CommitAsync(Commit("laptop", 1) with { UpsertedTabs = [full, sparse] }, Ct);

        (await Storage.Tabs.GetAsync(WorkspaceA, "t1", Ct)).ShouldBe(new TabRow(full, result.Clock, "laptop"));
        (await Storage.Tabs.GetAsync(WorkspaceA, "t2", Ct)).ShouldBe(new TabRow(sparse, result.Clock, "laptop"));
        (await Storage.Tabs.GetAsync(WorkspaceA, "t3", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task A_later_commit_replaces_a_tab_and_restamps_it()
    {
        await Storage.Store.CommitAsync(Commit("laptop", 1) with { UpsertedTabs = [Tab("t1"), Tab("t2", index: 1)] }, Ct);
        var moved = Tab("t1", window: "w2", index: 7, title: "moved", seconds: 10);

        var result = await Storage.Store.CommitAsync(Commit("desktop", 2) with { UpsertedTabs = [moved] }, Ct);

        var t1 = await Storage.Tabs.GetAsync(WorkspaceA, "t1", Ct);
        t1.ShouldBe(new TabRow(moved, result.Clock, "desktop"));
        (await Storage.Tabs.GetAsync(WorkspaceA, "t2", Ct))!.DeviceId.ShouldBe("laptop");
    }

    [Fact]
    public async Task Deleted_tabs_and_windows_are_gone_and_others_stay()
    {
        await Storage.Store.CommitAsync(Commit("laptop", 1) with
        {
            UpsertedTabs = [Tab("t1"), Tab("t2", index: 1)],
            UpsertedWindows = [Window("w1"), Window("w2")],
        }, Ct);

        await Storage.Store.CommitAsync(Commit("laptop", 2) with { DeletedTabIds = ["t1", "never-existed"], DeletedWindowIds = ["w2"] }, Ct);

        (await Storage.Tabs.ListAsync(WorkspaceA, Ct)).Select(t => t.Tab.Id).ShouldBe(["t2"]);
        (await Storage.Windows.ListAsync(WorkspaceA, Ct)).Select(w => w.Window.Id).ShouldBe(["w1"]);
    }

    [Fact]
    public async Task Tabs_are_listed_by_window_then_index()
    {
        await Storage.Store.CommitAsync(Commit("laptop", 1) with
        {
            UpsertedTabs = [Tab("c", "w2", 0), Tab("b", "w1", 2), Tab("a", "w1", 10), Tab("d", "w1", 1)],
        }, Ct);

        (await Storage.Tabs.ListAsync(WorkspaceA, Ct)).Select(t => t.Tab.Id).ShouldBe(["d", "b", "a", "c"]);
    }

    [Fact]
    public async Task Windows_come_back_with_every_field()
    {
        var window = Window("w1", focused: true, owner: "desktop", seconds: 3);
        var ownerless = new Window("w2", Tracked: false, Focused: false, null, At(4));

        var result = await Storage.Store.CommitAsync(Commit("laptop", 1) with { UpsertedWindows = [window, ownerless] }, Ct);

        (await Storage.Windows.ListAsync(WorkspaceA, Ct)).ShouldBe([new WindowRow(window, result.Clock, "laptop"), new WindowRow(ownerless, result.Clock, "laptop")]);
        (await Storage.Windows.GetAsync(WorkspaceA, "w2", Ct))!.Window.ShouldBe(ownerless);
    }

    [Fact]
    public async Task Rows_of_one_workspace_are_invisible_from_another()
    {
        await Storage.Store.CommitAsync(Commit("laptop", 1, WorkspaceA) with { UpsertedTabs = [Tab("t1")], UpsertedWindows = [Window("w1")] }, Ct);
        await Storage.Store.CommitAsync(Commit("laptop", 2, WorkspaceB) with { UpsertedTabs = [Tab("t1", title: "other")] }, Ct);

        (await Storage.Tabs.GetAsync(WorkspaceB, "t1", Ct))!.Tab.Title.ShouldBe("other");
        (await Storage.Tabs.GetAsync(WorkspaceA, "t1", Ct))!.Tab.Title.ShouldBe("Tab t1");
        (await Storage.Windows.ListAsync(WorkspaceB, Ct)).ShouldBeEmpty();
        (await Storage.SyncStates.ListAsync(WorkspaceB, Ct)).Single().LastClock.ShouldBe(2);
    }

    [Fact]
    public async Task Sync_state_keeps_each_devices_last_clock_and_time()
    {
        await Storage.Store.CommitAsync(Commit("laptop", 1, seconds: 1), Ct);
        var second = await Storage.Store.CommitAsync(Commit("desktop", 2, seconds: 2), Ct);
        var third = await Storage.Store.CommitAsync(Commit("laptop", 3, seconds: 3), Ct);

        (await Storage.SyncStates.ListAsync(WorkspaceA, Ct)).ShouldBe(
        [
            new DeviceSyncState("desktop", second.Clock, At(2)),
            new DeviceSyncState("laptop", third.Clock, At(3)),
        ]);
        (await Storage.SyncStates.GetAsync(WorkspaceA, "phone", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Materialized_tabs_equal_the_documents_tabs_after_every_commit()
    {
        var laptop = new TabDocument(1);
        var desktop = new TabDocument(2);
        var commits = 0;

        async Task SendAsync(TabDocument from, string device, string tabId, byte[] update)
        {
            (from == laptop ? desktop : laptop).Receive(update);
            var tab = from.Tab(tabId);
            commits++;
            await Storage.Store.CommitAsync(new WorkspaceCommit(WorkspaceA, device, At(commits))
            {
                Update = update,
                UpsertedTabs = tab is null ? [] : [tab],
                DeletedTabIds = tab is null ? [tabId] : [],
            }, Ct);

            var rows = await Storage.Tabs.ListAsync(WorkspaceA, Ct);
            rows.Select(r => r.Tab).OrderBy(t => t.Id, StringComparer.Ordinal).ShouldBe(TabDocument.TabsOf(from.Doc));
        }

        await SendAsync(laptop, "laptop", "a", laptop.Open("a", "w1", 0, "Alpha", updatedAtMs: 1_750_000_000_123));
        await SendAsync(desktop, "desktop", "b", desktop.Open("b", "w2", 0, "Beta"));
        await SendAsync(desktop, "desktop", "a", desktop.Retitle("a", "Alpha (edited on desktop)"));
        await SendAsync(laptop, "laptop", "c", laptop.Open("c", "w1", 1, "Gamma"));
        await SendAsync(laptop, "laptop", "b", laptop.Close("b"));
        await SendAsync(desktop, "desktop", "c", desktop.Retitle("c", "Gamma ✓"));

        var rows = await Storage.Tabs.ListAsync(WorkspaceA, Ct);
        rows.Select(r => (r.Tab.Id, r.Tab.Title, r.DeviceId)).ShouldBe([("a", "Alpha (edited on desktop)", "desktop"), ("c", "Gamma ✓", "desktop")]);
        rows[0].Tab.UpdatedAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_123));
    }
}
