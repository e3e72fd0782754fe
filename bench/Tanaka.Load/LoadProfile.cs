using Tanaka.Client.Devices;

namespace Tanaka.Load;

/// <summary>
/// How much load one run makes. Every run has two measured phases: <em>scheduled</em>, where each
/// device syncs on its own timer as an extension does (this phase's latency is what the targets
/// talk about), and <em>burst</em>, where each device syncs again as soon as its last sync returned
/// (throughput). Both end at their duration or their sync count, whichever comes first.
/// </summary>
public sealed record LoadProfile
{
    public required string Name { get; init; }

    public required int Devices { get; init; }

    /// <summary>Windows in the seeded workspace; with <see cref="TabsPerWindow"/> this gives its size.</summary>
    public int Windows { get; init; } = 10;

    public int TabsPerWindow { get; init; } = 24;

    public required TimeSpan ScheduledDuration { get; init; }

    /// <summary>
    /// Scheduled syncs before the measured scheduled phase, reported as phase "warmup": a server
    /// that just started spends its first seconds compiling (JIT), which a server in service has
    /// long done.
    /// </summary>
    public TimeSpan WarmupDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether the load generator runs server GC (see <see cref="GcRelaunch"/>). Server GC pauses
    /// the generator less often, which suits 50 replicas; with 500 replicas (gigabytes) its
    /// collections take both cores from the server for long stretches, so heavy uses workstation GC.
    /// </summary>
    public bool LoadGeneratorServerGc { get; init; } = true;

    /// <summary>Each device syncs this often in the scheduled phase (each interval jittered by ±20 %).</summary>
    public required TimeSpan SyncInterval { get; init; }

    /// <summary>Chance that a scheduled sync carries local edits (1 to 3 of them); the others only pull.</summary>
    public double EditProbability { get; init; } = 0.6;

    public required int MaxScheduledSyncs { get; init; }

    public required TimeSpan BurstDuration { get; init; }

    public required int MaxBurstSyncs { get; init; }

    /// <summary>When the devices send their state vector (default <see cref="StateVectorPolicy.WhenNeeded"/>, as Tanaka.Client and the extension do).</summary>
    public StateVectorPolicy StateVector { get; init; } = StateVectorPolicy.WhenNeeded;

    /// <summary>Read the server's own latency histograms from /metrics around the measured phases.</summary>
    public bool ServerLatencyFromMetrics { get; init; } = true;

    /// <summary>Seeds every random choice, so two runs of a profile make the same kinds of edits.</summary>
    public int Seed { get; init; } = 20251130;

    public int InitialTabs => Windows * TabsPerWindow;

    public static LoadProfile Smoke { get; } = new()
    {
        Name = "smoke",
        Devices = 4,
        ScheduledDuration = TimeSpan.FromSeconds(2),
        WarmupDuration = TimeSpan.FromSeconds(1),
        SyncInterval = TimeSpan.FromMilliseconds(100),
        MaxScheduledSyncs = 400,
        BurstDuration = TimeSpan.FromSeconds(2),
        MaxBurstSyncs = 1_000,
    };

    public static LoadProfile Standard { get; } = new()
    {
        Name = "standard",
        Devices = 50,
        ScheduledDuration = TimeSpan.FromSeconds(30),
        SyncInterval = TimeSpan.FromSeconds(1),
        MaxScheduledSyncs = 5_000,
        BurstDuration = TimeSpan.FromSeconds(15),
        MaxBurstSyncs = 100_000,
    };

    public static LoadProfile Heavy { get; } = new()
    {
        Name = "heavy",
        Devices = 500,
        ScheduledDuration = TimeSpan.FromSeconds(60),
        SyncInterval = TimeSpan.FromSeconds(5),
        // Most of 500 browsers are idle at any moment; each sync still pulls what all the others changed.
        EditProbability = 0.2,
        LoadGeneratorServerGc = false,
        MaxScheduledSyncs = 20_000,
        BurstDuration = TimeSpan.FromSeconds(15),
        MaxBurstSyncs = 200_000,
    };

    public static IReadOnlyList<LoadProfile> All { get; } = [Smoke, Standard, Heavy];

    public static LoadProfile? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
