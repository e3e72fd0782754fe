using Tanaka.Server.Repositories;

namespace Tanaka.Server.Tests.Repositories;

internal sealed class SimulatedCrashException(CommitStep step) : Exception($"Simulated failure after {step}.")
{
    public CommitStep Step { get; } = step;
}
