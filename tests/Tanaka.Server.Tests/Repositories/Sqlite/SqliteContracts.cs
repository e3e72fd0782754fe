namespace Tanaka.Server.Tests.Repositories.Sqlite;

// Every storage contract, run against SQLite on a temp file per test.
public sealed class SqliteUpdateLogContract : UpdateLogContract
{
    private protected override async Task<StorageHarness> OpenAsync() => await SqliteStorageHarness.StartAsync();
}

public sealed class SqliteCompactionContract : CompactionContract
{
    private protected override async Task<StorageHarness> OpenAsync() => await SqliteStorageHarness.StartAsync();
}

public sealed class SqliteCommitAtomicityContract : CommitAtomicityContract
{
    private protected override async Task<StorageHarness> OpenAsync() => await SqliteStorageHarness.StartAsync();
}

public sealed class SqliteMaterializedRowsContract : MaterializedRowsContract
{
    private protected override async Task<StorageHarness> OpenAsync() => await SqliteStorageHarness.StartAsync();
}

public sealed class SqliteTokenRepositoryContract : TokenRepositoryContract
{
    private protected override async Task<StorageHarness> OpenAsync() => await SqliteStorageHarness.StartAsync();
}

public sealed class SqliteWorkspaceRepositoryContract : WorkspaceRepositoryContract
{
    private protected override async Task<StorageHarness> OpenAsync() => await SqliteStorageHarness.StartAsync();
}
