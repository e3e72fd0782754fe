using System.Diagnostics.Metrics;

namespace Tanaka.Server.Services;

/// <summary>
/// The sync subsystem's instruments (meter <c>Tanaka.Server.Sync</c>). Exporting them is the
/// observability module's job; this class only counts.
/// </summary>
public sealed class SyncMetrics
{
    public const string MeterName = "Tanaka.Server.Sync";

    private readonly Counter<long> _syncs;
    private readonly Counter<long> _bytesIn;
    private readonly Counter<long> _bytesOut;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _pending;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _cacheEvictions;
    private readonly Counter<long> _compactions;
    private readonly Histogram<double> _compactionDuration;

    public SyncMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _syncs = meter.CreateCounter<long>("tanaka.sync.requests", "{request}", "Sync requests by outcome (ok, duplicate, or the error code).");
        _bytesIn = meter.CreateCounter<long>("tanaka.sync.update_bytes_in", "By", "Bytes of Yjs updates received.");
        _bytesOut = meter.CreateCounter<long>("tanaka.sync.update_bytes_out", "By", "Bytes of Yjs updates sent back.");
        _duplicates = meter.CreateCounter<long>("tanaka.sync.duplicate_updates", "{update}", "Updates the server already had (not logged).");
        _pending = meter.CreateCounter<long>("tanaka.sync.pending_updates", "{update}", "Updates that left structs waiting for a missing dependency.");
        _cacheHits = meter.CreateCounter<long>("tanaka.cache.hits", "{lookup}", "Workspace documents found in memory.");
        _cacheMisses = meter.CreateCounter<long>("tanaka.cache.misses", "{lookup}", "Workspace documents loaded from storage.");
        _cacheEvictions = meter.CreateCounter<long>("tanaka.cache.evictions", "{document}", "Workspace documents dropped from memory.");
        _compactions = meter.CreateCounter<long>("tanaka.compaction.runs", "{compaction}", "Workspace logs folded into a snapshot.");
        _compactionDuration = meter.CreateHistogram<double>("tanaka.compaction.duration", "s", "Time to compact one workspace.");
    }

    public void Synced(string outcome) => _syncs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void UpdateReceived(int bytes) => _bytesIn.Add(bytes);

    public void UpdateSent(int bytes) => _bytesOut.Add(bytes);

    public void Duplicate() => _duplicates.Add(1);

    public void Pending() => _pending.Add(1);

    public void CacheHit() => _cacheHits.Add(1);

    public void CacheMiss() => _cacheMisses.Add(1);

    public void CacheEviction() => _cacheEvictions.Add(1);

    public void Compacted(TimeSpan duration)
    {
        _compactions.Add(1);
        _compactionDuration.Record(duration.TotalSeconds);
    }
}
