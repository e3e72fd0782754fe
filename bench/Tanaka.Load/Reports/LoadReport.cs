namespace Tanaka.Load.Reports;

/// <summary>Everything one run measured; written as the JSON result file and printed as a table.</summary>
public sealed record LoadReport(
    string Profile,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    MachineReport Machine,
    ServerReport Server,
    WorkspaceReport Workspace,
    int Devices,
    string StateVectorPolicy,
    IReadOnlyList<PhaseReport> Phases,
    OneChangeReport? OneChange,
    ConvergenceReport Convergence,
    ResourceUse ServerResources,
    double ServerRssHighWaterMb,
    IReadOnlyList<ProcessSample> ServerSamples,
    ResourceUse LoadResources)
{
    /// <summary>Failed syncs of every phase, setup and checks included.</summary>
    public int Errors => Phases.Sum(p => p.Errors);
}

/// <param name="ProcessorCount"></param>

/// <param name="Os"></param>
/// <param name="Runtime"></param>
/// <param name="CpuModel"></param>/// <param name="LoadAverageAtStart">The 1-minute load average when the run started (from /proc/loadavg): other work on the machine skews every number.</param>
/// <param name="LoadAverageAtEnd">The same when the run ended (it includes the run's own load).</param>
public sealed record MachineReport(int ProcessorCount, string Os, string Runtime, string? CpuModel, double? LoadAverageAtStart, double? LoadAverageAtEnd);

/// <param name="Mode">"child" when the harness started the server, "external" for <c>--url</c>.</param>
/// <param name="Url">The server's root URL.</param>
/// <param name="ProcessId">The server's process id, when known.</param>
public sealed record ServerReport(string Mode, string Url, int? ProcessId);

public sealed record WorkspaceReport(int Windows, int InitialTabs, int FinalTabs);

public sealed record PhaseReport(
    string Name,
    double Seconds,
    long Syncs,
    long SyncsWithEdits,
    long Edits,
    double SyncsPerSecond,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorsByKind,
    long RateLimitRetries,
    LatencyReport LatencyMs,
    ServerLatencyReport? ServerLatency,
    BytesReport Bytes,
    ResourceUse Server,
    ResourceUse Load,
    GcReport LoadGc);

/// <summary>
/// Garbage collections in the load generator during a phase, and the time they paused it: a pause
/// holds up every device's round trip, so it shows in the client-side latency but not the server's.
/// </summary>
public sealed record GcReport(string Mode, int Gen0, int Gen1, int Gen2, double PauseMs, double AllocatedMb, double HeapMbAtEnd);

/// <summary>Round-trip latency of successful syncs, milliseconds.</summary>
public sealed record LatencyReport(double P50, double P90, double P95, double P99, double Max, double Mean);

/// <summary>
/// The same phase as the server measured it (from its /metrics histograms): <see cref="Http"/> is
/// the whole <c>POST /sync</c> request inside Kestrel, <see cref="Service"/> the sync service alone.
/// Null when the server's metrics are off or not public.
/// </summary>
public sealed record ServerLatencyReport(ServerHistogramReport Http, ServerHistogramReport? Service);

/// <summary>Request count and percentiles in milliseconds, interpolated within the server's histogram buckets.</summary>
public sealed record ServerHistogramReport(long Count, double P50, double P95, double P99);

/// <summary>Means are per sync; <c>*Body*</c> is the JSON body on the wire, <c>*Update*</c> the Yjs update inside it.</summary>
public sealed record BytesReport(
    double RequestBodyMean,
    double ResponseBodyMean,
    double SentUpdateMean,
    double ReceivedUpdateMean,
    long RequestBodyTotal,
    long ResponseBodyTotal);

/// <summary>
/// A steady-state sync that carries one tab change (a title), measured when nothing else is
/// happening: what the sending device moves each way, and what the next device to sync receives.
/// Measured once with the state vector in the request and once with <c>since_clock</c> only.
/// </summary>
public sealed record OneChangeReport(OneChangeBytes WithStateVector, OneChangeBytes WithSinceClockOnly, int ClientsInStateVector);

public sealed record OneChangeBytes(int SenderRequestBody, int SenderUpdate, int SenderResponseBody, int ReceiverRequestBody, int ReceiverResponseBody, int ReceiverUpdate);

/// <summary>
/// After the load stops every device syncs until quiet, then each device's <c>tabs</c> and
/// <c>windows</c> (canonical JSON) are compared with a fresh device's full download of the
/// server's document, and <c>GET /tabs</c> with that document's tabs.
/// </summary>
public sealed record ConvergenceReport(int DevicesChecked, int Converged, IReadOnlyList<string> Diverged, bool TabRowsMatch, string? TabRowsMismatch, int ServerTabs)
{
    public bool AllConverged => DevicesChecked > 0 && Converged == DevicesChecked && TabRowsMatch;
}
