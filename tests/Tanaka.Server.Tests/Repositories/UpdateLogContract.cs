using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;
using static Tanaka.Server.Tests.Repositories.StorageSamples;

namespace Tanaka.Server.Tests.Repositories;

/// <summary>Appending to and reading the update log, and the clocks it is stamped with.</summary>
public abstract class UpdateLogContract : StorageContract
{
    [Fact]
    public async Task Read_after_a_clock_returns_exactly_the_later_entries_in_order()
    {
        var results = new List<CommitResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await Storage.Store.CommitAsync(Commit($"device-{i % 2}", seed: i, seconds: i), Ct));
        }

        var slice = await Storage.Store.ReadLogAfterAsync(WorkspaceA, results[1].Clock, Ct);

        slice.IsComplete.ShouldBeTrue();
        slice.Entries.Select(e => e.Clock).ShouldBe(results.Skip(2).Select(r => r.Clock));
        for (var i = 0; i < 3; i++)
        {
            var entry = slice.Entries[i];
            entry.Update.ShouldBe(Update(i + 2));
            entry.DeviceId.ShouldBe($"device-{(i + 2) % 2}");
            entry.CreatedAt.ShouldBe(At(i + 2));
            entry.WorkspaceId.ShouldBe(WorkspaceA);
            entry.ShouldBeEquivalentTo(results[i + 2].Entry);
        }
    }

    [Fact]
    public async Task Read_after_the_last_clock_is_empty_and_after_zero_is_everything()
    {
        var first = await Storage.Store.CommitAsync(Commit("laptop", 1), Ct);
        var last = await Storage.Store.CommitAsync(Commit("laptop", 2), Ct);

        (await Storage.Store.ReadLogAfterAsync(WorkspaceA, last.Clock, Ct)).Entries.ShouldBeEmpty();
        (await Storage.Store.ReadLogAfterAsync(WorkspaceA, 0, Ct)).Entries.Select(e => e.Clock).ShouldBe([first.Clock, last.Clock]);
    }

    [Fact]
    public async Task WorkspaceAs_never_see_each_others_entries()
    {
        var a = await Storage.Store.CommitAsync(Commit("laptop", 1, WorkspaceA), Ct);
        var b = await Storage.Store.CommitAsync(Commit("laptop", 2, WorkspaceB), Ct);

        (await Storage.Store.ReadLogAfterAsync(WorkspaceA, 0, Ct)).Entries.Select(e => e.Clock).ShouldBe([a.Clock]);
        (await Storage.Store.ReadLogAfterAsync(WorkspaceB, 0, Ct)).Entries.Select(e => e.Clock).ShouldBe([b.Clock]);
        (await Storage.Store.LoadAsync("nobody", Ct)).Log.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_entry_is_stamped_one_past_the_larger_of_server_and_device_clock()
    {
        var first = await Storage.Store.CommitAsync(Commit("laptop", 1), Ct);
        var jumped = await Storage.Store.CommitAsync(Commit("desktop", 2, observed: 100), Ct);
        var behind = await Storage.Store.CommitAsync(Commit("laptop", 3, observed: 50), Ct);

        first.Clock.ShouldBe(1);
        jumped.Clock.ShouldBe(101);
        behind.Clock.ShouldBe(102);
        Storage.Clock.Current.ShouldBe(102);
    }

    [Fact]
    public async Task A_commit_without_update_logs_nothing_ticks_nothing_and_records_the_device()
    {
        var logged = await Storage.Store.CommitAsync(Commit("laptop", 1), Ct);

        var result = await Storage.Store.CommitAsync(new WorkspaceCommit(WorkspaceA, "phone", At(9)) { ObservedClock = 500 }, Ct);

        result.Entry.ShouldBeNull();
        result.Clock.ShouldBe(logged.Clock);
        Storage.Clock.Current.ShouldBe(logged.Clock);
        (await Storage.Store.ReadLogAfterAsync(WorkspaceA, 0, Ct)).Entries.Count.ShouldBe(1);
        (await Storage.SyncStates.GetAsync(WorkspaceA, "phone", Ct)).ShouldBe(new DeviceSyncState("phone", logged.Clock, At(9)));
    }

    [Fact]
    public async Task Row_changes_without_an_update_are_refused()
    {
        var commit = new WorkspaceCommit(WorkspaceA, "laptop", At(0)) { UpsertedTabs = [Tab("t1")] };

        await Should.ThrowAsync<ArgumentException>(() => Storage.Store.CommitAsync(commit, Ct));
        (await Storage.Tabs.ListAsync(WorkspaceA, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_row_both_upserted_and_deleted_in_one_commit_is_refused()
    {
        var commit = Commit("laptop", 1) with { UpsertedTabs = [Tab("t1")], DeletedTabIds = ["t1"] };

        await Should.ThrowAsync<ArgumentException>(() => Storage.Store.CommitAsync(commit, Ct));
        (await Storage.Store.ReadLogAfterAsync(WorkspaceA, 0, Ct)).Entries.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(LamportClock.MaxValue)]
    public async Task A_device_clock_that_would_leave_the_exact_JSON_range_is_refused(long observed)
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Storage.Store.CommitAsync(Commit("laptop", 1, observed: observed), Ct));
        (await Storage.Store.ReadLogAfterAsync(WorkspaceA, 0, Ct)).Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Concurrent_commits_get_distinct_clocks_that_readers_see_in_order()
    {
        const int Writers = 6;
        const int CommitsEach = 20;
        var clocks = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < CommitsEach; i++)
            {
                var workspace = writer % 2 == 0 ? WorkspaceA : WorkspaceB;
                mine.Add((await Storage.Store.CommitAsync(Commit($"device-{writer}", (writer * 1000) + i, workspace), Ct)).Clock);
            }

            return mine;
        }, Ct)));

        var all = clocks.SelectMany(c => c).ToList();
        all.Distinct().Count().ShouldBe(Writers * CommitsEach);
        foreach (var mine in clocks)
        {
            mine.ShouldBeInOrder(SortDirection.Ascending);
        }

        var a = (await Storage.Store.ReadLogAfterAsync(WorkspaceA, 0, Ct)).Entries.Select(e => e.Clock).ToList();
        var b = (await Storage.Store.ReadLogAfterAsync(WorkspaceB, 0, Ct)).Entries.Select(e => e.Clock).ToList();
        a.Concat(b).Order().ShouldBe(all.Order());
        a.ShouldBeInOrder(SortDirection.Ascending);
        Storage.Clock.Current.ShouldBe(all.Max());
    }

    [Fact]
    public async Task Highest_clock_counts_log_snapshot_and_what_devices_were_told()
    {
        (await Storage.Store.GetHighestClockAsync(Ct)).ShouldBe(0);
        await Storage.Store.CommitAsync(Commit("laptop", 1), Ct);
        var last = await Storage.Store.CommitAsync(Commit("laptop", 2, WorkspaceB, observed: 40), Ct);

        (await Storage.Store.GetHighestClockAsync(Ct)).ShouldBe(last.Clock);
    }

    [Fact]
    public async Task After_a_restart_the_clock_continues_from_the_highest_stored_clock()
    {
        await Storage.Store.CommitAsync(Commit("laptop", 1), Ct);
        var last = await Storage.Store.CommitAsync(Commit("desktop", 2, observed: 77), Ct);

        await Storage.RestartAsync();

        Storage.Clock.Current.ShouldBe(last.Clock);
        var next = await Storage.Store.CommitAsync(Commit("laptop", 3), Ct);
        next.Clock.ShouldBe(last.Clock + 1);
        (await Storage.Store.ReadLogAfterAsync(WorkspaceA, 0, Ct)).Entries.Select(e => e.Clock).ShouldBe([1, last.Clock, next.Clock]);
    }

    [Fact]
    public async Task Times_come_back_to_the_millisecond()
    {
        var at = T0.AddTicks(1234567);
        await Storage.Store.CommitAsync(new WorkspaceCommit(WorkspaceA, "laptop", at) { Update = Update(1) }, Ct);

        var entry = (await Storage.Store.ReadLogAfterAsync(WorkspaceA, 0, Ct)).Entries.Single();

        entry.CreatedAt.ShouldBe(T0.AddMilliseconds(123));
    }
}
