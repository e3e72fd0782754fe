namespace Tanaka.Server.Domain;

/// <summary>
/// The server's Lamport clock: one counter for every workspace, shared by all threads.
/// Storage starts it from the highest clock it holds, so it never goes backwards across restarts.
/// </summary>
public sealed class LamportClock
{
    /// <summary>Clocks travel to the extension as JSON numbers, exact only up to 2^53 - 1.</summary>
    public const long MaxValue = (1L << 53) - 1;

    private long _value;

    public LamportClock(long start = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, MaxValue);
        _value = start;
    }

    public long Current => Volatile.Read(ref _value);

    /// <summary>Ticks for an event that saw <paramref name="observed"/>: max(current, observed) + 1.</summary>
    public long Next(long observed = 0)
    {
        while (true)
        {
            var current = Current;
            var next = Preview(current, observed);
            if (Interlocked.CompareExchange(ref _value, next, current) == current)
            {
                return next;
            }
        }
    }

    /// <summary>
    /// The value <see cref="Next"/> would return now, without ticking. Storage stamps a write with
    /// this and calls <see cref="Observe"/> only once the write is durable, so a failed write
    /// never hands out a clock that a restart could issue again.
    /// </summary>
    public long Preview(long observed = 0) => Preview(Current, observed);

    /// <summary>Moves the clock forward to at least <paramref name="clock"/>; never moves it back.</summary>
    public void Observe(long clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(clock);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clock, MaxValue);
        while (true)
        {
            var current = Current;
            if (clock <= current || Interlocked.CompareExchange(ref _value, clock, current) == current)
            {
                return;
            }
        }
    }

    private static long Preview(long current, long observed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        var next = Math.Max(current, observed) + 1;
        if (next > MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(observed), observed, $"Clock would pass {MaxValue}, the largest value a JSON number holds exactly.");
        }

        return next;
    }
}
