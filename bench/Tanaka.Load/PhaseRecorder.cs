using System.Collections.Concurrent;
using HdrHistogram;
using Tanaka.Client;
using Tanaka.Client.Devices;
using Tanaka.Load.Reports;

namespace Tanaka.Load;

/// <summary>Counts one phase's syncs, edits, bytes and errors, and its round-trip latencies (microseconds, HdrHistogram). Thread-safe.</summary>
internal sealed class PhaseRecorder(string name)
{
    // 1 µs to 60 s at three significant digits: 0.1 % resolution for any latency worth reporting.
    private readonly LongConcurrentHistogram _latency = new(1, 60_000_000, 3);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private long _syncs;
    private long _edits;
    private long _rateLimitRetries;
    private long _requestBodyBytes;
    private long _responseBodyBytes;
    private long _sentUpdateBytes;
    private long _receivedUpdateBytes;
    private long _syncsWithEdits;
    private readonly int[] _collectionsAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly TimeSpan _pausedAtStart = GC.GetTotalPauseDuration();
    private readonly long _allocatedAtStart = GC.GetTotalAllocatedBytes();

    public string Name => name;

    public long Syncs => Interlocked.Read(ref _syncs);

    public int ErrorCount => _errors.Values.Sum();

    public void Edited(int edits) => Interlocked.Add(ref _edits, edits);

    public void Synced(DeviceSyncResult result, bool carriedEdits)
    {
        _latency.RecordValue(Math.Max(1, (long)result.RoundTrip.TotalMicroseconds));
        Interlocked.Increment(ref _syncs);
        if (carriedEdits)
        {
            Interlocked.Increment(ref _syncsWithEdits);
        }

        Interlocked.Add(ref _rateLimitRetries, result.RateLimitRetries);
        Interlocked.Add(ref _requestBodyBytes, result.RequestBodyBytes);
        Interlocked.Add(ref _responseBodyBytes, result.ResponseBodyBytes);
        Interlocked.Add(ref _sentUpdateBytes, result.SentUpdateBytes);
        Interlocked.Add(ref _receivedUpdateBytes, result.ReceivedUpdateBytes);
    }

    public void Failed(Exception exception)
    {
        var code = exception switch
        {
            TanakaApiException api => $"{(int)api.StatusCode} {api.Code ?? "no_code"}",
            HttpRequestException http => $"http {http.HttpRequestError}",
            TaskCanceledException => "timeout",
            _ => exception.GetType().Name,
        };
        _errors.AddOrUpdate(code, 1, (_, n) => n + 1);
    }

    public PhaseReport Report(double seconds, ResourceUse server, ResourceUse load, ServerLatencyReport? serverLatency)
    {
        var syncs = Syncs;
        static double Ms(long micros) => micros / 1000.0;
        double Mean(long total) => syncs == 0 ? 0 : (double)total / syncs;
        var latency = syncs == 0
            ? new LatencyReport(0, 0, 0, 0, 0, 0)
            : new LatencyReport(
                Ms(_latency.GetValueAtPercentile(50)),
                Ms(_latency.GetValueAtPercentile(90)),
                Ms(_latency.GetValueAtPercentile(95)),
                Ms(_latency.GetValueAtPercentile(99)),
                Ms(_latency.GetMaxValue()),
                _latency.GetMean() / 1000.0);
        return new PhaseReport(
            name,
            Math.Round(seconds, 3),
            syncs,
            Interlocked.Read(ref _syncsWithEdits),
            Interlocked.Read(ref _edits),
            seconds > 0 ? syncs / seconds : 0,
            ErrorCount,
            new SortedDictionary<string, int>(_errors, StringComparer.Ordinal),
            Interlocked.Read(ref _rateLimitRetries),
            latency,
            serverLatency,
            new BytesReport(
                Mean(_requestBodyBytes),
                Mean(_responseBodyBytes),
                Mean(_sentUpdateBytes),
                Mean(_receivedUpdateBytes),
                Interlocked.Read(ref _requestBodyBytes),
                Interlocked.Read(ref _responseBodyBytes)),
            server,
            load,
            new GcReport(
                System.Runtime.GCSettings.IsServerGC ? "server" : "workstation",
                GC.CollectionCount(0) - _collectionsAtStart[0],
                GC.CollectionCount(1) - _collectionsAtStart[1],
                GC.CollectionCount(2) - _collectionsAtStart[2],
                Math.Round((GC.GetTotalPauseDuration() - _pausedAtStart).TotalMilliseconds, 1),
                Math.Round((GC.GetTotalAllocatedBytes() - _allocatedAtStart) / 1048576.0, 1),
                Math.Round(GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0, 1)));
    }
}
