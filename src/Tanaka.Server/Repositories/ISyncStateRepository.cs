using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories;

/// <summary>Reads where each device stands (written only through <see cref="IWorkspaceStore.CommitAsync"/>).</summary>
public interface ISyncStateRepository
{
    /// <summary>Every device that synced with the workspace, ordered by device id.</summary>
    Task<IReadOnlyList<DeviceSyncState>> ListAsync(string workspaceId, CancellationToken cancellationToken = default);

    Task<DeviceSyncState?> GetAsync(string workspaceId, string deviceId, CancellationToken cancellationToken = default);
}
