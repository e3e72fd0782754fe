using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories;

/// <summary>Reads the materialized tabs (written only through <see cref="IWorkspaceStore.CommitAsync"/>).</summary>
public interface ITabRepository
{
    /// <summary>Every tab of the workspace, ordered by window, index, then id.</summary>
    Task<IReadOnlyList<TabRow>> ListAsync(string workspaceId, CancellationToken cancellationToken = default);

    Task<TabRow?> GetAsync(string workspaceId, string tabId, CancellationToken cancellationToken = default);
}
