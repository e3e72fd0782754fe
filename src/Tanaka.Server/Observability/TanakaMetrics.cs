using System.Diagnostics.Metrics;
using Tanaka.Server.Domain;
using Tanaka.Server.Services;

namespace Tanaka.Server.Observability;

/// <summary>
/// The server-wide instruments (meter <c>Tanaka.Server</c>): sync latency, applied updates,
/// rejections, rate limiting and gauges of the server's state. The sync subsystem's own counters
/// (requests by outcome, bytes, duplicates, pending, cache, compaction) live in
/// <see cref="SyncMetrics"/> (meter <c>Tanaka.Server.Sync</c>); both are exported at <c>/metrics</c>.
/// docs/OPERATIONS.md lists every instrument.
/// </summary>
public sealed class TanakaMetrics
{
    public const string MeterName = "Tanaka.Server";

    /// <summary>
    /// Sync latency buckets in seconds: 100 µs steps up to a millisecond, then fine steps to 10 ms,
    /// so P50/P95/P99 of a healthy server (well under 10 ms) fall between close bounds.
    /// </summary>
    public static readonly IReadOnlyList<double> LatencyBuckets =
    [
        0.0001, 0.0002, 0.0003, 0.0004, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005,
        0.0065, 0.008, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
    ];

    private readonly Histogram<double> _syncDuration;
    private readonly Counter<long> _updatesApplied;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _rateLimited;
    private readonly ActiveClients _active;

    public TanakaMetrics(IMeterFactory meterFactory, LamportClock clock, WorkspaceDocumentCache cache, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(cache);
        _active = new ActiveClients(time);
        var meter = meterFactory.Create(MeterName);
        _syncDuration = meter.CreateHistogram(
            "tanaka.sync.duration",
            "s",
            "Time to serve one sync in the sync service (rate limit, merge, validation, commit, diff), by outcome.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _updatesApplied = meter.CreateCounter<long>("tanaka.sync.updates_applied", "{update}", "Updates that changed a workspace document and were logged.");
        _rejections = meter.CreateCounter<long>("tanaka.validation.rejections", "{request}", "Requests refused for their content, by error code.");
        _rateLimited = meter.CreateCounter<long>("tanaka.rate_limited", "{request}", "Requests refused with 429 rate_limited.");
        meter.CreateObservableGauge("tanaka.lamport.clock", () => clock.Current, "{tick}", "The server's Lamport clock.");
        meter.CreateObservableGauge("tanaka.cache.size", () => cache.Count, "{document}", "Workspace documents held in memory.");
        meter.CreateObservableGauge(
            "tanaka.workspaces.active", () => _active.Workspaces(), "{workspace}", $"Workspaces with a sync in the last {ActiveClients.Window.TotalMinutes:0} minutes.");
        meter.CreateObservableGauge(
            "tanaka.devices.active", () => _active.Devices(), "{device}", $"Devices with a sync in the last {ActiveClients.Window.TotalMinutes:0} minutes.");
    }

    /// <summary>Error codes counted as rejections of a request's content (not of its credentials or rate).</summary>
    public static IReadOnlySet<string> RejectionCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Errors.ErrorCodes.ValidationFailed,
        Errors.ErrorCodes.InvalidJson,
        Errors.ErrorCodes.InvalidUpdate,
        Errors.ErrorCodes.PayloadTooLarge,
        Errors.ErrorCodes.UnsupportedMediaType,
        Errors.ErrorCodes.DomainRuleViolated,
    };

    /// <summary>One sync finished: <paramref name="outcome"/> is <c>ok</c> or the error code.</summary>
    public void SyncFinished(TimeSpan elapsed, string outcome) =>
        _syncDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A device's sync was stored; <paramref name="applied"/> when its update changed the document.</summary>
    public void SyncCommitted(string workspaceId, string deviceId, bool applied)
    {
        if (applied)
        {
            _updatesApplied.Add(1);
        }

        _active.Seen(workspaceId, deviceId);
    }

    /// <summary>A problem response was sent with this code.</summary>
    public void Problem(string code)
    {
        if (RejectionCodes.Contains(code))
        {
            _rejections.Add(1, new KeyValuePair<string, object?>("code", code));
        }
        else if (code == Errors.ErrorCodes.RateLimited)
        {
            _rateLimited.Add(1);
        }
    }
}
