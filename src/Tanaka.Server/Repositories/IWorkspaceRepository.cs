using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories;

/// <summary>The workspaces the server knows.</summary>
public interface IWorkspaceRepository
{
    /// <summary>Returns the workspace, creating it (stamped <paramref name="createdAt"/>) if it is new.</summary>
    Task<Workspace> EnsureAsync(string workspaceId, DateTimeOffset createdAt, CancellationToken cancellationToken = default);

    Task<Workspace?> GetAsync(string workspaceId, CancellationToken cancellationToken = default);

    /// <summary>Every workspace, ordered by id (what the compaction schedule walks).</summary>
    Task<IReadOnlyList<Workspace>> ListAsync(CancellationToken cancellationToken = default);
}
