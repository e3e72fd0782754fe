using Microsoft.Extensions.Options;
using Tanaka.Crdt;
using Tanaka.Server.Config;
using Tanaka.Server.Repositories;

namespace Tanaka.Server.Services;

/// <summary>
/// The hot workspace documents, at most <c>cache.max_documents</c>, least recently used evicted
/// first. A miss rebuilds the document from snapshot + log, so a sync never re-reads the whole
/// log of a workspace it has seen recently. Callers hold the workspace's lock around
/// <see cref="GetAsync"/> and every use of the document it returns.
/// </summary>
public sealed class WorkspaceDocumentCache(IWorkspaceStore store, IOptions<CacheOptions> options, CrdtLimits limits, SyncMetrics metrics)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<WorkspaceDocument>> _entries = new(StringComparer.Ordinal);

    // Most recently used first.
    private readonly LinkedList<WorkspaceDocument> _recency = new();
    private long _hits;
    private long _misses;
    private long _evictions;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public long Evictions => Interlocked.Read(ref _evictions);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The workspace's document, from memory or loaded from storage. Call under the workspace's lock.</summary>
    public async Task<WorkspaceDocument> GetAsync(string workspaceId, CancellationToken cancellationToken = default)
    {
        if (TryGet(workspaceId, out var cached))
        {
            Interlocked.Increment(ref _hits);
            metrics.CacheHit();
            return cached;
        }

        Interlocked.Increment(ref _misses);
        metrics.CacheMiss();
        var stored = await store.LoadAsync(workspaceId, cancellationToken);
        var document = WorkspaceDocument.Load(stored, limits);
        Add(document);
        return document;
    }

    /// <summary>The document when it is in memory (not counted as a hit or miss, and not loaded otherwise).</summary>
    public bool TryGet(string workspaceId, out WorkspaceDocument document)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(workspaceId, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                document = node.Value;
                return true;
            }
        }

        document = null!;
        return false;
    }

    /// <summary>
    /// Drops this document (only if it is still the cached one): after a failed or rejected
    /// change it may hold what storage does not, and storage is the truth.
    /// </summary>
    public void Evict(WorkspaceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_gate)
        {
            if (_entries.TryGetValue(document.WorkspaceId, out var node) && ReferenceEquals(node.Value, document))
            {
                _entries.Remove(document.WorkspaceId);
                _recency.Remove(node);
            }
        }
    }

    private void Add(WorkspaceDocument document)
    {
        var evicted = 0;
        lock (_gate)
        {
            if (_entries.Remove(document.WorkspaceId, out var existing))
            {
                _recency.Remove(existing);
            }

            _entries[document.WorkspaceId] = _recency.AddFirst(document);
            while (_entries.Count > options.Value.MaxDocuments && _recency.Last is { } oldest)
            {
                // A request of that workspace may still be using it; it finishes with its own
                // reference and the next one reloads from storage.
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.WorkspaceId);
                evicted++;
            }
        }

        if (evicted > 0)
        {
            Interlocked.Add(ref _evictions, evicted);
            for (var i = 0; i < evicted; i++)
            {
                metrics.CacheEviction();
            }
        }
    }
}
