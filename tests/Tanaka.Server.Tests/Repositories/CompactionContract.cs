using Tanaka.Server.Repositories;
using static Tanaka.Server.Tests.Repositories.StorageSamples;

namespace Tanaka.Server.Tests.Repositories;

/// <summary>
/// Folding the log into the snapshot. The workspaces here are built from real Yjs updates
/// (Tanaka.Crdt), so "same content" means the rebuilt document renders the same JSON.
/// </summary>
public abstract class CompactionContract : StorageContract
{
    [Fact]
    public async Task Compaction_keeps_the_content_shortens_the_log_and_shrinks_the_state()
    {
        var (reference, updates) = await BuildBusyWorkspaceAsync();
        var before = await Storage.Store.LoadAsync(WorkspaceA, Ct);
        var jsonBefore = TabDocument.CanonicalJson(TabDocument.Rebuild(before));
        jsonBefore.ShouldBe(TabDocument.CanonicalJson(reference.Doc));

        var result = await Storage.Store.CompactAsync(TabDocument.Compact(before, At(100)), Ct);

        result.ShouldBe(new CompactionResult(true, updates.Count));
        var after = await Storage.Store.LoadAsync(WorkspaceA, Ct);
        after.Log.ShouldBeEmpty();
        after.Snapshot!.Clock.ShouldBe(before.Clock);
        after.Clock.ShouldBe(before.Clock);
        TabDocument.CanonicalJson(TabDocument.Rebuild(after)).ShouldBe(jsonBefore);
        after.Snapshot.State.Length.ShouldBeLessThan(updates.Sum(u => u.Length));
        (await Storage.Store.GetLogStatsAsync(WorkspaceA, Ct)).ShouldBe(new LogStats(0, 0, before.Clock, before.Clock));
    }

    [Fact]
    public async Task Log_stats_count_what_compaction_would_fold()
    {
        var (_, updates) = await BuildBusyWorkspaceAsync();

        var stats = await Storage.Store.GetLogStatsAsync(WorkspaceA, Ct);

        stats.Entries.ShouldBe(updates.Count);
        stats.Bytes.ShouldBe(updates.Sum(u => (long)u.Length));
        stats.SnapshotClock.ShouldBe(0);
        stats.HighestClock.ShouldBe(Storage.Clock.Current);
    }

    [Fact]
    public async Task Entries_committed_after_the_load_survive_the_compaction()
    {
        var laptop = new TabDocument(1);
        await Storage.Store.CommitAsync(Commit("laptop", laptop.Open("t1", "w1", 0, "first")), Ct);
        await Storage.Store.CommitAsync(Commit("laptop", laptop.Retitle("t1", "second")), Ct);
        var loaded = await Storage.Store.LoadAsync(WorkspaceA, Ct);
        var snapshot = TabDocument.Compact(loaded, At(10));

        // Commits that land while the caller merges: their clocks are above the load's.
        var late = new[] { laptop.Open("t2", "w1", 1, "late"), laptop.Retitle("t1", "third") };
        foreach (var update in late)
        {
            await Storage.Store.CommitAsync(Commit("laptop", update), Ct);
        }

        var result = await Storage.Store.CompactAsync(snapshot, Ct);

        result.DeletedEntries.ShouldBe(2);
        var after = await Storage.Store.LoadAsync(WorkspaceA, Ct);
        after.Log.Select(e => e.Update).ShouldBe(late);
        TabDocument.TabsOf(TabDocument.Rebuild(after)).ShouldBe(TabDocument.TabsOf(laptop.Doc));
        TabDocument.TabsOf(TabDocument.Rebuild(after)).Select(t => t.Title).ShouldBe(["third", "late"]);
    }

    [Fact]
    public async Task Commits_running_alongside_repeated_compactions_lose_nothing()
    {
        const int Devices = 3;
        const int TabsEach = 25;
        var writers = Enumerable.Range(0, Devices).Select(device => Task.Run(async () =>
        {
            var doc = new TabDocument((ulong)(device + 1));
            for (var i = 0; i < TabsEach; i++)
            {
                await Storage.Store.CommitAsync(Commit($"device-{device}", doc.Open($"d{device}-t{i}", $"w{device}", i, $"tab {i}")), Ct);
            }
        }, Ct)).ToArray();
        var allWritten = Task.WhenAll(writers);

        var compactions = 0;
        do
        {
            var loaded = await Storage.Store.LoadAsync(WorkspaceA, Ct);
            if (loaded.Log.Count > 0 && (await Storage.Store.CompactAsync(TabDocument.Compact(loaded, At(compactions)), Ct)).Applied)
            {
                compactions++;
            }
        }
        while (!allWritten.IsCompleted);
        await allWritten;

        var final = TabDocument.TabsOf(TabDocument.Rebuild(await Storage.Store.LoadAsync(WorkspaceA, Ct)));
        final.Select(t => t.Id).Order(StringComparer.Ordinal).ShouldBe(
            Enumerable.Range(0, Devices).SelectMany(d => Enumerable.Range(0, TabsEach).Select(i => $"d{d}-t{i}")).Order(StringComparer.Ordinal));
        compactions.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_older_snapshot_never_replaces_a_newer_one()
    {
        var laptop = new TabDocument(1);
        await Storage.Store.CommitAsync(Commit("laptop", laptop.Open("t1", "w1", 0, "one")), Ct);
        var older = TabDocument.Compact(await Storage.Store.LoadAsync(WorkspaceA, Ct), At(1));
        await Storage.Store.CommitAsync(Commit("laptop", laptop.Open("t2", "w1", 1, "two")), Ct);
        var newer = TabDocument.Compact(await Storage.Store.LoadAsync(WorkspaceA, Ct), At(2));

        (await Storage.Store.CompactAsync(newer, Ct)).Applied.ShouldBeTrue();
        (await Storage.Store.CompactAsync(older, Ct)).ShouldBe(new CompactionResult(false, 0));

        var stored = await Storage.Store.LoadAsync(WorkspaceA, Ct);
        stored.Snapshot!.Clock.ShouldBe(newer.Clock);
        TabDocument.TabsOf(TabDocument.Rebuild(stored)).Select(t => t.Id).ShouldBe(["t1", "t2"]);
    }

    [Fact]
    public async Task A_covered_clock_that_is_not_in_the_log_is_refused_and_changes_nothing()
    {
        var first = await Storage.Store.CommitAsync(Commit("laptop", 1), Ct);
        var other = await Storage.Store.CommitAsync(Commit("laptop", 2, WorkspaceB), Ct);
        await Storage.Store.CommitAsync(Commit("laptop", 3), Ct);

        foreach (var clock in new[] { other.Clock, 999 })
        {
            var snapshot = new Domain.DocumentSnapshot(WorkspaceA, [1, 2, 3], [0], clock, At(1));
            await Should.ThrowAsync<InvalidOperationException>(() => Storage.Store.CompactAsync(snapshot, Ct));
        }

        var stored = await Storage.Store.LoadAsync(WorkspaceA, Ct);
        stored.Snapshot.ShouldBeNull();
        stored.Log.Count.ShouldBe(2);
        stored.Log[0].Clock.ShouldBe(first.Clock);
    }

    [Fact]
    public async Task Reading_from_before_the_snapshot_says_the_range_is_incomplete()
    {
        var first = await Storage.Store.CommitAsync(Commit("laptop", 1), Ct);
        var second = await Storage.Store.CommitAsync(Commit("laptop", 2), Ct);
        var third = await Storage.Store.CommitAsync(Commit("laptop", 3), Ct);
        await Storage.Store.CompactAsync(new Domain.DocumentSnapshot(WorkspaceA, [9], [0], second.Clock, At(1)), Ct);

        var fromFirst = await Storage.Store.ReadLogAfterAsync(WorkspaceA, first.Clock, Ct);
        fromFirst.IsComplete.ShouldBeFalse();
        fromFirst.SnapshotClock.ShouldBe(second.Clock);
        fromFirst.Entries.Select(e => e.Clock).ShouldBe([third.Clock]);

        var fromSecond = await Storage.Store.ReadLogAfterAsync(WorkspaceA, second.Clock, Ct);
        fromSecond.IsComplete.ShouldBeTrue();
        fromSecond.Entries.Select(e => e.Clock).ShouldBe([third.Clock]);
    }

    [Fact]
    public async Task After_a_restart_the_clock_continues_from_a_snapshot_whose_log_is_gone()
    {
        await Storage.Store.CommitAsync(Commit("laptop", 1), Ct);
        var last = await Storage.Store.CommitAsync(Commit("laptop", 2, observed: 40), Ct);
        await Storage.Store.CompactAsync(new Domain.DocumentSnapshot(WorkspaceA, [9], [0], last.Clock, At(1)), Ct);
        (await Storage.Store.LoadAsync(WorkspaceA, Ct)).Log.ShouldBeEmpty();

        await Storage.RestartAsync();

        Storage.Clock.Current.ShouldBe(last.Clock);
        (await Storage.Store.CommitAsync(Commit("laptop", 3), Ct)).Clock.ShouldBe(last.Clock + 1);
    }

    /// <summary>Two devices open tabs, retitle them over and over and close some: a log full of overwritten values.</summary>
    private async Task<(TabDocument Reference, List<byte[]> Updates)> BuildBusyWorkspaceAsync()
    {
        var laptop = new TabDocument(1);
        var desktop = new TabDocument(2);
        var reference = new TabDocument(3);
        var updates = new List<byte[]>();

        async Task SendAsync(TabDocument from, string device, byte[] update)
        {
            updates.Add(update);
            reference.Receive(update);
            (from == laptop ? desktop : laptop).Receive(update);
            await Storage.Store.CommitAsync(new WorkspaceCommit(WorkspaceA, device, At(updates.Count)) { Update = update }, Ct);
        }

        for (var i = 0; i < 4; i++)
        {
            await SendAsync(laptop, "laptop", laptop.Open($"l{i}", "w1", i, $"laptop tab {i}"));
            await SendAsync(desktop, "desktop", desktop.Open($"d{i}", "w2", i, $"desktop tab {i}"));
        }

        for (var round = 0; round < 10; round++)
        {
            await SendAsync(laptop, "laptop", laptop.Retitle($"d{round % 4}", $"renamed by laptop {round}"));
            await SendAsync(desktop, "desktop", desktop.Retitle($"l{round % 4}", $"renamed by desktop {round}"));
        }

        await SendAsync(laptop, "laptop", laptop.Close("l3"));
        await SendAsync(desktop, "desktop", desktop.Close("d0"));
        return (reference, updates);
    }
}
