namespace Tanaka.Client.Tests.Fakes;

/// <summary>A clock for tests: fixed "now", and every timer fires at once while its due time is recorded.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow() => now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (Waits)
        {
            Waits.Add(dueTime);
        }

        return new ImmediateTimer(callback, state);
    }

    private sealed class ImmediateTimer : ITimer
    {
        public ImmediateTimer(TimerCallback callback, object? state) => ThreadPool.QueueUserWorkItem(_ => callback(state));

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
