using System.Collections.Concurrent;

namespace Tanaka.Server.Services;

/// <summary>
/// One async lock per workspace: everything that reads or changes a workspace document (sync,
/// compaction) runs under it, so updates of one workspace apply one at a time while different
/// workspaces never wait for each other.
/// </summary>
public sealed class WorkspaceLocks
{
    // Workspaces come from tokens, not from request input, so this grows with the number of
    // workspaces the server serves, never with traffic.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<Held> AcquireAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceId);
        var semaphore = _locks.GetOrAdd(workspaceId, static _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Held(semaphore);
    }

    /// <summary>The lock while held; disposing releases it.</summary>
    public readonly struct Held(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore?.Release();
    }
}
