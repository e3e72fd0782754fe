using Tanaka.Server.Domain;
using Tanaka.Server.Services;

namespace Tanaka.Server.Tests.Sync;

/// <summary>The in-memory tail of a workspace's log and the clocks devices were answered with.</summary>
public sealed class RecentLogTests
{
    [Fact]
    public void Entries_after_a_clock_come_oldest_first_without_the_excluded_one()
    {
        var log = new RecentLog(from: 10);
        foreach (var clock in new long[] { 11, 14, 15, 20 })
        {
            log.Append(Entry(clock, size: 3));
        }

        log.TryGetAfter(14, excludedClock: 20, out var updates).ShouldBeTrue();
        updates.Select(u => u[0]).ShouldBe([15]);
        log.TryGetAfter(10, excludedClock: null, out var all).ShouldBeTrue();
        all.Select(u => u[0]).ShouldBe([11, 14, 15, 20]);
        log.TryGetAfter(20, excludedClock: null, out var none).ShouldBeTrue();
        none.ShouldBeEmpty();
    }

    [Fact]
    public void A_clock_before_what_is_held_cannot_be_answered_from_memory()
    {
        var log = new RecentLog(from: 10);
        log.Append(Entry(11, size: 1));

        log.TryGetAfter(9, excludedClock: null, out _).ShouldBeFalse("entries up to 10 are in the snapshot only");
    }

    [Fact]
    public void The_oldest_entries_go_first_when_the_count_bound_is_reached()
    {
        var log = new RecentLog(from: 0);
        for (var clock = 1; clock <= RecentLog.MaxEntries + 5; clock++)
        {
            log.Append(Entry(clock, size: 1));
        }

        log.Count.ShouldBe(RecentLog.MaxEntries);
        log.From.ShouldBe(5);
        log.TryGetAfter(4, excludedClock: null, out _).ShouldBeFalse();
        log.TryGetAfter(5, excludedClock: null, out var kept).ShouldBeTrue();
        kept.Count.ShouldBe(RecentLog.MaxEntries);
    }

    [Fact]
    public void The_oldest_entries_go_first_when_the_byte_bound_is_reached_but_the_newest_always_stays()
    {
        var log = new RecentLog(from: 0);
        var big = (int)(RecentLog.MaxBytes / 2);
        log.Append(Entry(1, big));
        log.Append(Entry(2, big));
        log.Append(Entry(3, big));

        log.Count.ShouldBe(2);
        log.From.ShouldBe(1);

        var huge = new RecentLog(from: 0);
        huge.Append(Entry(7, (int)RecentLog.MaxBytes + 1));
        huge.Count.ShouldBe(1, "one entry larger than the bound is still the newest");
    }

    [Fact]
    public void A_device_is_in_step_only_with_the_clock_it_was_last_answered_with()
    {
        var answered = new AnsweredClocks();
        answered.IsInStep("laptop", 5).ShouldBeFalse("never answered");
        answered.Answered("laptop", 5);
        answered.Answered("laptop", 9);

        answered.IsInStep("laptop", 9).ShouldBeTrue();
        answered.IsInStep("laptop", 5).ShouldBeFalse();
        answered.IsInStep("laptop", null).ShouldBeFalse();
        answered.IsInStep("desktop", 9).ShouldBeFalse();
    }

    [Fact]
    public void Beyond_the_device_bound_the_memory_starts_over()
    {
        var answered = new AnsweredClocks();
        for (var i = 0; i < AnsweredClocks.MaxDevices; i++)
        {
            answered.Answered($"device-{i}", i);
        }

        answered.Answered("device-0", 1);
        answered.Count.ShouldBe(AnsweredClocks.MaxDevices, "a known device does not count twice");
        answered.Answered("one-more", 3);

        answered.Count.ShouldBe(1);
        answered.IsInStep("one-more", 3).ShouldBeTrue();
        answered.IsInStep("device-5", 5).ShouldBeFalse("forgotten: it gets the state vector once more");
    }

    private static UpdateLogEntry Entry(long clock, int size)
    {
        var bytes = new byte[size];
        bytes[0] = (byte)clock;
        return new UpdateLogEntry("ws", clock, "d", bytes, DateTimeOffset.UnixEpoch);
    }
}
