using Tanaka.Server.Domain;

namespace Tanaka.Server.Services;

/// <summary>
/// The newest log entries of a workspace, kept in memory beside its document so that answering
/// a device that syncs often needs no log read. Holds every entry with a clock above
/// <see cref="From"/>, at most <see cref="MaxEntries"/> entries and <see cref="MaxBytes"/> bytes of
/// updates; the oldest go first. Not thread-safe: used under the workspace's lock.
/// </summary>
public sealed class RecentLog
{
    /// <summary>Enough for every device of a busy workspace syncing every few seconds to find its range here.</summary>
    public const int MaxEntries = 4096;

    public const long MaxBytes = 4 * 1024 * 1024;

    private readonly Queue<UpdateLogEntry> _entries = new();
    private long _bytes;

    /// <param name="from">The clock the entries start after: the snapshot's (0 when none).</param>
    public RecentLog(long from) => From = from;

    /// <summary>Every entry with a clock above this one is held.</summary>
    public long From { get; private set; }

    public int Count => _entries.Count;

    /// <summary>Adds the newest entry (clocks only grow), dropping the oldest beyond the bounds.</summary>
    public void Append(UpdateLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.Enqueue(entry);
        _bytes += entry.Update.Length;
        while (_entries.Count > MaxEntries || (_bytes > MaxBytes && _entries.Count > 1))
        {
            var dropped = _entries.Dequeue();
            _bytes -= dropped.Update.Length;
            From = dropped.Clock;
        }
    }

    /// <summary>
    /// The updates logged after <paramref name="afterClock"/>, oldest first, leaving out the entry
    /// stamped <paramref name="excludedClock"/>; false when older entries than those held are needed.
    /// </summary>
    public bool TryGetAfter(long afterClock, long? excludedClock, out List<byte[]> updates)
    {
        updates = [];
        if (afterClock < From)
        {
            return false;
        }

        foreach (var entry in _entries)
        {
            if (entry.Clock > afterClock && entry.Clock != excludedClock)
            {
                updates.Add(entry.Update);
            }
        }

        return true;
    }
}
