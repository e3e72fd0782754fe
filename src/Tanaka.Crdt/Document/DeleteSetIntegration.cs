using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt.Document;

/// <summary>Applies a delete set to a document (yjs-format 7.3).</summary>
internal static class DeleteSetIntegration
{
    /// <summary>
    /// Deletes every item in the set's ranges that the document holds, splitting items at range
    /// boundaries. Returns the ranges beyond what the document holds (to keep as pending), or null.
    /// </summary>
    public static DeleteSet? Apply(Transaction txn, DeleteSet ds)
    {
        DeleteSet? unapplied = null;
        var store = txn.Store;
        foreach (var (client, ranges) in ds.Clients)
        {
            var blocks = store.GetBlocks(client);
            var state = store.GetState(client);
            foreach (var range in ranges)
            {
                var clock = range.Clock;
                var end = range.End;
                if (clock >= state || blocks is null)
                {
                    (unapplied ??= new DeleteSet()).Add(client, clock, end - clock);
                    continue;
                }

                if (state < end)
                {
                    (unapplied ??= new DeleteSet()).Add(client, state, end - state);
                }

                var index = StructStore.FindIndex(blocks, clock);
                var block = blocks[index];
                if (!block.IsDeleted && block.Id.Clock < clock)
                {
                    blocks.Insert(index + 1, ((Item)block).Split(txn, clock - block.Id.Clock));
                    index++;
                }

                while (index < blocks.Count)
                {
                    block = blocks[index++];
                    if (block.Id.Clock >= end)
                    {
                        break;
                    }

                    if (!block.IsDeleted)
                    {
                        var item = (Item)block;
                        if (end < item.EndClock)
                        {
                            blocks.Insert(index, item.Split(txn, end - item.Id.Clock));
                        }

                        item.Delete(txn);
                    }
                }
            }
        }

        return unapplied;
    }

    /// <summary>Both sets' ranges in one set (either may be null), or null when both are.</summary>
    public static DeleteSet? Union(DeleteSet? a, DeleteSet? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        var union = new DeleteSet();
        foreach (var set in (ReadOnlySpan<DeleteSet>)[a, b])
        {
            foreach (var (client, ranges) in set.Clients)
            {
                foreach (var r in ranges)
                {
                    union.Add(client, r.Clock, r.Length);
                }
            }
        }

        union.SortAndMerge();
        return union;
    }
}
