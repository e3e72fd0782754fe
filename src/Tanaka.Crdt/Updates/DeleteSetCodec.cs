using Tanaka.Crdt.Encoding;

namespace Tanaka.Crdt.Updates;

/// <summary>Reads and writes the delete set that ends every v1 update.</summary>
public static class DeleteSetCodec
{
    /// <summary>Writes clients in descending order, each client's ranges in the order held (yjs-format 5.5).</summary>
    public static void Write(Lib0Writer w, DeleteSet deleteSet)
    {
        var clients = deleteSet.Clients;
        w.WriteVarUInt((ulong)clients.Count);
        if (clients.Count == 0)
        {
            return;
        }

        var order = clients.Keys.ToArray();
        Array.Sort(order, static (a, b) => b.CompareTo(a));
        foreach (var client in order)
        {
            var ranges = clients[client];
            w.WriteVarUInt(client);
            w.WriteVarUInt((ulong)ranges.Count);
            foreach (var range in ranges)
            {
                w.WriteVarUInt(range.Clock);
                w.WriteVarUInt(range.Length);
            }
        }
    }

    /// <summary>
    /// Reads a delete set as Yjs does: a client with no ranges is dropped, a repeated client's
    /// ranges are appended, ranges of length 0 are kept (they are written back).
    /// </summary>
    public static DeleteSet Read(ref Lib0Reader reader, CrdtLimits limits)
    {
        var deleteSet = new DeleteSet();
        var clientCount = reader.ReadCount(2);
        long total = 0;
        for (var i = 0; i < clientCount; i++)
        {
            var client = reader.ReadVarUInt();
            var rangesStart = reader.Position;
            var rangeCount = reader.ReadCount(2);
            total += rangeCount;
            if (total > limits.MaxDeleteRanges)
            {
                throw new UpdateDecodeException(DecodeError.TooLarge, $"More than {limits.MaxDeleteRanges} delete ranges", reader.OffsetOf(rangesStart));
            }

            if (rangeCount == 0)
            {
                continue;
            }

            if (!deleteSet.Clients.TryGetValue(client, out var ranges))
            {
                ranges = new List<DeleteRange>(rangeCount);
                deleteSet.Clients[client] = ranges;
            }

            for (var r = 0; r < rangeCount; r++)
            {
                var start = reader.Position;
                var clock = reader.ReadVarUInt();
                var length = reader.ReadVarUInt();
                if (clock + length > Id.MaxSafeInteger)
                {
                    throw new UpdateDecodeException(DecodeError.Inconsistent, "A delete range ends beyond clock 2^53 - 1", reader.OffsetOf(start));
                }

                ranges.Add(new DeleteRange(clock, length));
            }
        }

        return deleteSet;
    }
}
