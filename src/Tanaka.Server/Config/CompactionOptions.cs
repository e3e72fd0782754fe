namespace Tanaka.Server.Config;

/// <summary>Background merging of update logs into snapshots (section <c>compaction</c>).</summary>
public sealed class CompactionOptions
{
    public const string Section = "compaction";

    [ConfigurationKeyName("interval_seconds")]
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>Number of logged updates after which a document is compacted.</summary>
    [ConfigurationKeyName("log_threshold")]
    public int LogThreshold { get; set; } = 1000;
}
