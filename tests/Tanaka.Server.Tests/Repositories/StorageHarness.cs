using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;

namespace Tanaka.Server.Tests.Repositories;

/// <summary>
/// One storage implementation opened on fresh, private data, as the contract tests see it.
/// Each implementation (SQLite now, PostgreSQL later) supplies one.
/// </summary>
internal abstract class StorageHarness : IAsyncDisposable
{
    public abstract IWorkspaceStore Store { get; }

    public abstract ITabRepository Tabs { get; }

    public abstract IWindowRepository Windows { get; }

    public abstract ISyncStateRepository SyncStates { get; }

    public abstract ITokenRepository Tokens { get; }

    public abstract IWorkspaceRepository Workspaces { get; }

    public abstract ISchemaMigrator Migrator { get; }

    /// <summary>The clock of the current process (a restart makes a new one).</summary>
    public abstract LamportClock Clock { get; }

    /// <summary>Fails the commit that reaches <see cref="FaultingCommitProbe.FailAfter"/>.</summary>
    public FaultingCommitProbe Faults { get; } = new();

    /// <summary>Stops and starts the storage on the same data, as a process restart does: new connections, new clock.</summary>
    public abstract Task RestartAsync();

    public abstract ValueTask DisposeAsync();
}
