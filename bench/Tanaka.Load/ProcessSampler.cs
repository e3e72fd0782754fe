using System.Diagnostics;
using System.Globalization;

namespace Tanaka.Load;

/// <summary>
/// Samples a process's CPU time and resident memory from <c>/proc/&lt;pid&gt;/stat</c> and
/// <c>/proc/&lt;pid&gt;/status</c> (Linux) at a fixed interval, from start to dispose.
/// </summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    // The kernel reports CPU time in USER_HZ ticks, which Linux fixes at 100 for the /proc ABI.
    private const double TicksPerSecond = 100;
    private const double PeakSpanSeconds = 1.0;

    private readonly int _pid;
    private readonly TimeSpan _interval;
    private readonly List<ProcessSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;

    private ProcessSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _interval = interval;
        TakeSample();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>A sampler, or null where /proc is not readable (not Linux, or the process is gone).</summary>
    public static ProcessSampler? TryStart(int pid, TimeSpan interval) =>
        OperatingSystem.IsLinux() && File.Exists($"/proc/{pid}/stat") ? new ProcessSampler(pid, interval) : null;

    /// <summary>Seconds since the sampler started; phases use it to pick their samples.</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    public IReadOnlyList<ProcessSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>Takes a sample now (phase boundaries want one exactly there).</summary>
    public ProcessSample? TakeSample()
    {
        var sample = Read();
        if (sample is not null)
        {
            lock (_samples)
            {
                _samples.Add(sample);
            }
        }

        return sample;
    }

    /// <summary>CPU use and memory between two moments (seconds since start).</summary>
    public ResourceUse Between(double from, double to)
    {
        var window = Samples.Where(s => s.AtSeconds >= from && s.AtSeconds <= to).ToList();
        if (window.Count < 2)
        {
            return ResourceUse.Unknown;
        }

        var first = window[0];
        var last = window[^1];
        // Peak over spans of at least a second: between two single samples a delayed read can show
        // more CPU than the machine has.
        var peakCpu = 0.0;
        for (int i = 0, j = 0; i < window.Count; i++)
        {
            while (j < window.Count && window[j].AtSeconds - window[i].AtSeconds < PeakSpanSeconds)
            {
                j++;
            }

            if (j == window.Count)
            {
                break;
            }

            peakCpu = Math.Max(peakCpu, CpuPercent(window[i], window[j]));
        }

        return new ResourceUse(
            Measured: true,
            CpuSeconds: last.CpuSeconds - first.CpuSeconds,
            CpuAveragePercent: CpuPercent(first, last),
            CpuPeakPercent: peakCpu,
            RssStartMb: first.RssMb,
            RssPeakMb: window.Max(s => s.RssMb),
            RssEndMb: last.RssMb);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static double CpuPercent(ProcessSample a, ProcessSample b) =>
        b.AtSeconds > a.AtSeconds ? 100 * (b.CpuSeconds - a.CpuSeconds) / (b.AtSeconds - a.AtSeconds) : 0;

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_interval);
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            if (TakeSample() is null)
            {
                return;
            }
        }
    }

    private ProcessSample? Read()
    {
        try
        {
            var before = _clock.Elapsed.TotalSeconds;
            var stat = File.ReadAllText($"/proc/{_pid}/stat");
            // On a busy machine the read itself can be delayed: stamp it with the middle of the wait.
            var at = (before + _clock.Elapsed.TotalSeconds) / 2;
            // Fields after the parenthesised command name (which may hold spaces): state is field 3, utime 14, stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[14 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[15 - 3], CultureInfo.InvariantCulture);
            long rssKb = 0;
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rssKb = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                    break;
                }
            }

            return new ProcessSample(at, ticks / TicksPerSecond, rssKb / 1024.0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // The process ended.
            return null;
        }
    }
}

/// <param name="AtSeconds">Seconds since the sampler started.</param>
/// <param name="CpuSeconds">User plus system CPU time the process has used so far.</param>
/// <param name="RssMb">Resident memory (VmRSS), MiB.</param>
public sealed record ProcessSample(double AtSeconds, double CpuSeconds, double RssMb);

/// <summary>CPU (percent of one core; 200 is both cores of a 2-core machine; the peak is over spans of at least a second) and resident memory over a span of time.</summary>
public sealed record ResourceUse(
    bool Measured,
    double CpuSeconds,
    double CpuAveragePercent,
    double CpuPeakPercent,
    double RssStartMb,
    double RssPeakMb,
    double RssEndMb)
{
    public static ResourceUse Unknown { get; } = new(false, 0, 0, 0, 0, 0, 0);
}
