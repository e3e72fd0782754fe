using Tanaka.Server.Domain;

namespace Tanaka.Server.Tests.Repositories;

public sealed class LamportClockTests
{
    [Fact]
    public void Next_is_one_past_the_larger_of_current_and_observed()
    {
        var clock = new LamportClock(5);

        clock.Next().ShouldBe(6);
        clock.Next(observed: 3).ShouldBe(7);
        clock.Next(observed: 20).ShouldBe(21);
        clock.Current.ShouldBe(21);
    }

    [Fact]
    public void Preview_does_not_tick()
    {
        var clock = new LamportClock(5);

        clock.Preview(observed: 9).ShouldBe(10);
        clock.Current.ShouldBe(5);
    }

    [Fact]
    public void Observe_moves_forward_only()
    {
        var clock = new LamportClock(10);

        clock.Observe(4);
        clock.Current.ShouldBe(10);
        clock.Observe(12);
        clock.Current.ShouldBe(12);
    }

    [Fact]
    public void Concurrent_ticks_are_all_distinct_and_none_is_lost()
    {
        var clock = new LamportClock();
        const int Threads = 8;
        const int TicksEach = 5000;
        var seen = new long[Threads][];

        Parallel.For(0, Threads, thread =>
        {
            var mine = new long[TicksEach];
            for (var i = 0; i < TicksEach; i++)
            {
                // Mixing observed values below the current clock exercises the max() inside the CAS loop.
                mine[i] = clock.Next(observed: i % 7);
            }

            seen[thread] = mine;
        });

        var all = seen.SelectMany(s => s).ToList();
        all.Distinct().Count().ShouldBe(Threads * TicksEach);
        clock.Current.ShouldBe(Threads * TicksEach);
    }

    [Fact]
    public void Clocks_stay_within_what_a_JSON_number_holds_exactly()
    {
        var clock = new LamportClock(LamportClock.MaxValue - 1);

        clock.Next().ShouldBe(LamportClock.MaxValue);
        Should.Throw<ArgumentOutOfRangeException>(() => clock.Next());
        Should.Throw<ArgumentOutOfRangeException>(() => new LamportClock().Next(observed: LamportClock.MaxValue));
        Should.Throw<ArgumentOutOfRangeException>(() => new LamportClock().Next(observed: -1));
        clock.Current.ShouldBe(LamportClock.MaxValue);
    }
}
