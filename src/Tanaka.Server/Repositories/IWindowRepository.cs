using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories;

/// <summary>Reads the materialized windows (written only through <see cref="IWorkspaceStore.CommitAsync"/>).</summary>
public interface IWindowRepository
{
    /// <summary>Every window of the workspace, ordered by id.</summary>
    Task<IReadOnlyList<WindowRow>> ListAsync(string workspaceId, CancellationToken cancellationToken = default);

    Task<WindowRow?> GetAsync(string workspaceId, string windowId, CancellationToken cancellationToken = default);
}
