using Tanaka.Server.Repositories;

namespace Tanaka.Server.Tests.Repositories;

/// <summary>Throws <see cref="SimulatedCrashException"/> inside the next commit that reaches <see cref="FailAfter"/>.</summary>
internal sealed class FaultingCommitProbe : ICommitProbe
{
    private const int None = -1;

    private int _failAfter = None;

    public CommitStep? FailAfter
    {
        get => Volatile.Read(ref _failAfter) is var step and not None ? (CommitStep)step : null;
        set => Volatile.Write(ref _failAfter, value is { } step ? (int)step : None);
    }

    public List<CommitStep> Reached { get; } = [];

    void ICommitProbe.Reached(CommitStep step)
    {
        lock (Reached)
        {
            Reached.Add(step);
        }

        if (FailAfter == step)
        {
            FailAfter = null;
            throw new SimulatedCrashException(step);
        }
    }
}
