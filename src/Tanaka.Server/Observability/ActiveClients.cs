using System.Collections.Concurrent;

namespace Tanaka.Server.Observability;

/// <summary>
/// Which workspaces and devices synced recently, for the active-count gauges. Entries older than
/// <see cref="Window"/> are dropped when counted and every few thousand syncs, so memory follows
/// the active set, not every device ever seen.
/// </summary>
internal sealed class ActiveClients(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const int PruneEvery = 4096;

    private readonly ConcurrentDictionary<string, long> _workspaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Workspace, string Device), long> _devices = new();
    private int _sincePrune;

    public void Seen(string workspaceId, string deviceId)
    {
        var now = time.GetTimestamp();
        _workspaces[workspaceId] = now;
        _devices[(workspaceId, deviceId)] = now;
        if (Interlocked.Increment(ref _sincePrune) % PruneEvery == 0)
        {
            Prune(_workspaces);
            Prune(_devices);
        }
    }

    public int Workspaces() => Prune(_workspaces);

    public int Devices() => Prune(_devices);

    /// <summary>Drops stale entries and returns how many are left.</summary>
    private int Prune<TKey>(ConcurrentDictionary<TKey, long> seen)
        where TKey : notnull
    {
        var now = time.GetTimestamp();
        var active = 0;
        foreach (var (key, at) in seen)
        {
            if (time.GetElapsedTime(at, now) > Window)
            {
                seen.TryRemove(new KeyValuePair<TKey, long>(key, at));
            }
            else
            {
                active++;
            }
        }

        return active;
    }
}
