namespace Tanaka.Crdt.Updates;

/// <summary>A run of deleted clocks of one client.</summary>
public readonly record struct DeleteRange(ulong Clock, ulong Length)
{
    public ulong End => Clock + Length;
}

/// <summary>
/// Deleted ID ranges per client. Ranges are kept in the order added until
/// <see cref="SortAndMerge"/> sorts them by clock and coalesces overlapping or touching ones.
/// </summary>
public sealed class DeleteSet
{
    public Dictionary<ulong, List<DeleteRange>> Clients { get; } = [];

    public bool IsEmpty => Clients.Count == 0;

    public void Add(ulong client, ulong clock, ulong length)
    {
        if (length == 0)
        {
            return;
        }

        if (!Clients.TryGetValue(client, out var ranges))
        {
            ranges = [];
            Clients[client] = ranges;
        }

        ranges.Add(new DeleteRange(clock, length));
    }

    /// <summary>Adds every range of <paramref name="other"/> (unsorted until <see cref="SortAndMerge"/>).</summary>
    public void AddAll(DeleteSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (client, ranges) in other.Clients)
        {
            if (!Clients.TryGetValue(client, out var all))
            {
                all = [];
                Clients[client] = all;
            }

            all.AddRange(ranges);
        }
    }

    /// <summary>Sorts each client's ranges by clock and coalesces ranges that overlap or touch.</summary>
    public void SortAndMerge()
    {
        foreach (var ranges in Clients.Values)
        {
            ranges.Sort(static (a, b) => a.Clock.CompareTo(b.Clock));
            var write = 0;
            for (var read = 1; read < ranges.Count; read++)
            {
                var last = ranges[write];
                var next = ranges[read];
                if (next.Clock <= last.End)
                {
                    ranges[write] = new DeleteRange(last.Clock, Math.Max(last.End, next.End) - last.Clock);
                }
                else
                {
                    ranges[++write] = next;
                }
            }

            if (ranges.Count > 0)
            {
                ranges.RemoveRange(write + 1, ranges.Count - write - 1);
            }
        }
    }

    /// <summary>Whether an ID falls in a range. Requires <see cref="SortAndMerge"/> to have run.</summary>
    public bool Contains(Id id)
    {
        if (!Clients.TryGetValue(id.Client, out var ranges))
        {
            return false;
        }

        int lo = 0, hi = ranges.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var r = ranges[mid];
            if (id.Clock < r.Clock)
            {
                hi = mid - 1;
            }
            else if (id.Clock >= r.End)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
