using static Tanaka.Server.Tests.Repositories.StorageSamples;

namespace Tanaka.Server.Tests.Repositories;

public abstract class WorkspaceRepositoryContract : StorageContract
{
    [Fact]
    public async Task Ensuring_twice_keeps_the_first_creation_time()
    {
        var first = await Storage.Workspaces.EnsureAsync("home", At(1), Ct);
        var second = await Storage.Workspaces.EnsureAsync("home", At(2), Ct);

        second.ShouldBe(first);
        first.CreatedAt.ShouldBe(At(1));
    }

    [Fact]
    public async Task A_first_commit_creates_the_workspace_and_all_are_listed_by_id()
    {
        await Storage.Store.CommitAsync(Commit("laptop", 1, "zeta", seconds: 5), Ct);
        await Storage.Workspaces.EnsureAsync("alpha", At(1), Ct);

        (await Storage.Workspaces.GetAsync("zeta", Ct))!.CreatedAt.ShouldBe(At(5));
        (await Storage.Workspaces.GetAsync("missing", Ct)).ShouldBeNull();
        (await Storage.Workspaces.ListAsync(Ct)).Select(w => w.Id).ShouldBe(["alpha", "zeta"]);
    }
}
