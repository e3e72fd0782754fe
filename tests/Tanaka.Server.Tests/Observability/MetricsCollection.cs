namespace Tanaka.Server.Tests.Observability;

/// <summary>
/// Metric listeners see every meter of a name in the process, not only their own server's, so
/// tests that count exactly run alone (xunit runs such collections after the parallel ones).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Exact metrics";
}
