using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;
using static Tanaka.Server.Tests.Repositories.StorageSamples;

namespace Tanaka.Server.Tests.Repositories;

/// <summary>A commit lands whole or not at all: a failure between its steps leaves log, rows, sync state and clock as they were.</summary>
public abstract class CommitAtomicityContract : StorageContract
{
    // Step names, not the enum: the probe seam is internal and test methods are public.
    public static TheoryData<string> Steps => new(Enum.GetNames<CommitStep>());

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_failure_after_any_step_leaves_everything_unchanged(string step)
    {
        var failAfter = Enum.Parse<CommitStep>(step);
        var before = await SeedAsync();
        Storage.Faults.FailAfter = failAfter;

        var crash = await Should.ThrowAsync<SimulatedCrashException>(() => Storage.Store.CommitAsync(ChangingEverything(), Ct));

        crash.Step.ShouldBe(failAfter);
        (await SnapshotAsync()).ShouldBeEquivalentTo(before);
        Storage.Clock.Current.ShouldBe(before.Clock);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task After_a_failed_commit_the_next_one_lands_with_the_next_clock(string step)
    {
        var failAfter = Enum.Parse<CommitStep>(step);
        var before = await SeedAsync();
        Storage.Faults.FailAfter = failAfter;
        await Should.ThrowAsync<SimulatedCrashException>(() => Storage.Store.CommitAsync(ChangingEverything(), Ct));

        var retried = await Storage.Store.CommitAsync(ChangingEverything(), Ct);

        retried.Clock.ShouldBe(before.Clock + 1);
        var after = await SnapshotAsync();
        after.Log.Select(e => e.Clock).ShouldBe([.. before.Log.Select(e => e.Clock), retried.Clock]);
        after.Tabs.Select(t => t.Tab.Id).ShouldBe(["t2", "t3"]);
        after.Windows.Select(w => w.Window.Id).ShouldBe(["w2"]);
        after.Devices.Single(d => d.DeviceId == "desktop").LastClock.ShouldBe(retried.Clock);
    }

    [Fact]
    public async Task Nothing_of_a_failed_commit_survives_a_restart()
    {
        var before = await SeedAsync();
        Storage.Faults.FailAfter = CommitStep.SyncStateWritten;
        await Should.ThrowAsync<SimulatedCrashException>(() => Storage.Store.CommitAsync(ChangingEverything(), Ct));

        await Storage.RestartAsync();

        (await SnapshotAsync()).ShouldBeEquivalentTo(before);
        Storage.Clock.Current.ShouldBe(before.Clock);
    }

    [Fact]
    public async Task A_failure_inside_the_database_after_the_log_insert_leaves_everything_unchanged()
    {
        var before = await SeedAsync();
        // A tab without id passes the caller's checks but breaks a NOT NULL constraint after the log row is written.
        var broken = ChangingEverything() with { UpsertedTabs = [Tab("t3"), Tab(null!)] };

        await Should.ThrowAsync<Exception>(() => Storage.Store.CommitAsync(broken, Ct));

        (await SnapshotAsync()).ShouldBeEquivalentTo(before);
        Storage.Clock.Current.ShouldBe(before.Clock);
    }

    [Fact]
    public async Task Every_step_is_reached_in_order_on_a_good_commit()
    {
        await Storage.Store.CommitAsync(ChangingEverything(), Ct);

        Storage.Faults.Reached.ShouldBe(Enum.GetValues<CommitStep>());
    }

    private async Task<StoredState> SeedAsync()
    {
        await Storage.Store.CommitAsync(Commit("laptop", 1) with { UpsertedTabs = [Tab("t1"), Tab("t2", index: 1)], UpsertedWindows = [Window("w1")] }, Ct);
        await Storage.Store.CommitAsync(Commit("desktop", 2) with { UpsertedTabs = [Tab("t2", index: 2, title: "moved")] }, Ct);
        Storage.Faults.Reached.Clear();
        return await SnapshotAsync();
    }

    private static WorkspaceCommit ChangingEverything() => Commit("desktop", 3, seconds: 30) with
    {
        UpsertedTabs = [Tab("t3", index: 3, seconds: 30)],
        DeletedTabIds = ["t1"],
        UpsertedWindows = [Window("w2", focused: true, seconds: 30)],
        DeletedWindowIds = ["w1"],
    };

    private async Task<StoredState> SnapshotAsync() => new(
        Storage.Clock.Current,
        await Storage.Store.GetHighestClockAsync(Ct),
        (await Storage.Store.ReadLogAfterAsync(WorkspaceA, 0, Ct)).Entries,
        await Storage.Tabs.ListAsync(WorkspaceA, Ct),
        await Storage.Windows.ListAsync(WorkspaceA, Ct),
        await Storage.SyncStates.ListAsync(WorkspaceA, Ct));

    private sealed record StoredState(
        long Clock,
        long HighestStoredClock,
        IReadOnlyList<UpdateLogEntry> Log,
        IReadOnlyList<TabRow> Tabs,
        IReadOnlyList<WindowRow> Windows,
        IReadOnlyList<DeviceSyncState> Devices);
}
