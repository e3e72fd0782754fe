using System.Globalization;

namespace Tanaka.Load.Reports;

/// <summary>The console summary of a run: one row per phase, then resources, one-change bytes and convergence.</summary>
public static class ReportTable
{
    public static void Write(TextWriter output, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Tanaka load: profile {report.Profile}, {report.Devices} devices, {report.Workspace.InitialTabs} tabs, state vector {report.StateVectorPolicy}, {report.Machine.ProcessorCount} cores (load average {report.Machine.LoadAverageAtStart:0.0} at start), {report.DurationSeconds:0.0} s"));
        output.WriteLine();
        output.WriteLine("Latency is the client's round trip; \"server\" columns are the server's own POST /sync time from /metrics (n/a when not measured).");
        output.WriteLine();
        output.WriteLine("| phase | syncs | syncs/s | errors | P50 ms | P95 ms | P99 ms | max ms | server P50 | server P95 | server P99 | req B/sync | resp B/sync | server CPU % | server RSS MB (start/peak/end) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var p in report.Phases)
        {
            var rss = p.Server.Measured ? string.Create(c, $"{p.Server.RssStartMb:0}/{p.Server.RssPeakMb:0}/{p.Server.RssEndMb:0}") : "n/a";
            var cpu = p.Server.Measured ? p.Server.CpuAveragePercent.ToString("0", c) : "n/a";
            var s50 = p.ServerLatency is { } sl ? sl.Http.P50.ToString("0.00", c) : "n/a";
            var s95 = p.ServerLatency is { } sl2 ? sl2.Http.P95.ToString("0.00", c) : "n/a";
            var s99 = p.ServerLatency is { } sl3 ? sl3.Http.P99.ToString("0.00", c) : "n/a";
            output.WriteLine(string.Create(c,
                $"| {p.Name} | {p.Syncs} | {p.SyncsPerSecond:0} | {p.Errors} | {p.LatencyMs.P50:0.00} | {p.LatencyMs.P95:0.00} | {p.LatencyMs.P99:0.00} | {p.LatencyMs.Max:0.00} | {s50} | {s95} | {s99} | {p.Bytes.RequestBodyMean:0} | {p.Bytes.ResponseBodyMean:0} | {cpu} | {rss} |"));
        }

        output.WriteLine();
        var s = report.ServerResources;
        output.WriteLine(s.Measured
            ? string.Create(c, $"server: {s.CpuSeconds:0.0} CPU s over the run (avg {s.CpuAveragePercent:0} %, peak {s.CpuPeakPercent:0} % of one core), RSS start {s.RssStartMb:0} MB, peak {s.RssPeakMb:0} MB, end {s.RssEndMb:0} MB, high-water {report.ServerRssHighWaterMb:0} MB")
            : "server: CPU and memory not measured (external server without --server-pid)");
        var l = report.LoadResources;
        if (l.Measured)
        {
            output.WriteLine(string.Create(c, $"load generator: {l.CpuSeconds:0.0} CPU s (avg {l.CpuAveragePercent:0} %), RSS peak {l.RssPeakMb:0} MB"));
        }

        foreach (var p in report.Phases.Where(p => p.Errors > 0))
        {
            output.WriteLine($"errors in {p.Name}: {string.Join(", ", p.ErrorsByKind.Select(e => $"{e.Key} x{e.Value}"))}");
        }

        if (report.OneChange is { } one)
        {
            output.WriteLine(string.Create(c,
                $"one tab change (server state vector has {one.ClientsInStateVector} clients): with state vector, sender {one.WithStateVector.SenderRequestBody} B up / {one.WithStateVector.SenderResponseBody} B down, receiver {one.WithStateVector.ReceiverRequestBody} B up / {one.WithStateVector.ReceiverResponseBody} B down; since_clock only, sender {one.WithSinceClockOnly.SenderRequestBody} B up / {one.WithSinceClockOnly.SenderResponseBody} B down, receiver {one.WithSinceClockOnly.ReceiverRequestBody} B up / {one.WithSinceClockOnly.ReceiverResponseBody} B down"));
        }

        var v = report.Convergence;
        output.WriteLine(v.AllConverged
            ? $"convergence: all {v.DevicesChecked} devices equal the server document ({v.ServerTabs} tabs); GET /tabs matches it"
            : $"convergence: FAILED: {v.Converged}/{v.DevicesChecked} devices equal the server document; diverged: {string.Join(", ", v.Diverged.Take(10))}; tab rows: {v.TabRowsMismatch ?? "match"}");
    }
}
