using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt.Document;

/// <summary>
/// What Yjs does when a transaction ends (7.4): garbage-collect what it deleted, then merge
/// neighbouring blocks that continue each other. Encoded state depends on exactly which blocks
/// are merged, so this follows Yjs's order of scans.
/// </summary>
internal static class TransactionCleanup
{
    public static void Run(Transaction txn)
    {
        var store = txn.Store;
        var ds = txn.DeleteSet;
        ds.SortAndMerge();
        if (txn.Doc.Gc)
        {
            CollectDeleted(ds, store);
        }

        MergeDeleted(ds, store);

        foreach (var (client, before) in txn.TouchedClients)
        {
            var blocks = store.GetBlocks(client)!;
            if (blocks[^1].EndClock == before)
            {
                continue;
            }

            var firstChange = Math.Max(StructStore.FindIndex(blocks, before), 1);
            for (var i = blocks.Count - 1; i >= firstChange;)
            {
                i -= 1 + MergeWithLefts(blocks, i);
            }
        }

        var merge = txn.MergeStructs;
        for (var i = merge.Count - 1; i >= 0; i--)
        {
            var id = merge[i].Id;
            var blocks = store.GetBlocks(id.Client)!;
            var pos = StructStore.FindIndex(blocks, id.Clock);
            if (pos < 0)
            {
                continue;
            }

            if (pos + 1 < blocks.Count && MergeWithLefts(blocks, pos + 1) > 1)
            {
                continue;
            }

            if (pos > 0)
            {
                MergeWithLefts(blocks, pos);
            }
        }
    }

    private static void CollectDeleted(DeleteSet ds, StructStore store)
    {
        foreach (var (client, ranges) in ds.Clients)
        {
            var blocks = store.GetBlocks(client);
            if (blocks is null)
            {
                continue;
            }

            for (var di = ranges.Count - 1; di >= 0; di--)
            {
                var range = ranges[di];
                var si = StructStore.FindIndex(blocks, range.Clock);
                if (si < 0)
                {
                    continue;
                }

                for (; si < blocks.Count && blocks[si].Id.Clock < range.End; si++)
                {
                    if (blocks[si] is Item { Deleted: true, Keep: false } item)
                    {
                        item.Gc(store, false);
                    }
                }
            }
        }
    }

    private static void MergeDeleted(DeleteSet ds, StructStore store)
    {
        foreach (var (client, ranges) in ds.Clients)
        {
            var blocks = store.GetBlocks(client);
            if (blocks is null)
            {
                continue;
            }

            for (var di = ranges.Count - 1; di >= 0; di--)
            {
                var range = ranges[di];
                var last = StructStore.FindIndex(blocks, range.End - 1);
                if (last < 0)
                {
                    continue;
                }

                for (var si = Math.Min(blocks.Count - 1, last + 1); si > 0 && blocks[si].Id.Clock >= range.Clock;)
                {
                    si -= 1 + MergeWithLefts(blocks, si);
                }
            }
        }
    }

    /// <summary>Merges blocks[pos] into its left neighbour, repeatedly leftwards; returns how many blocks were merged away.</summary>
    private static int MergeWithLefts(List<Block> blocks, int pos)
    {
        var right = blocks[pos];
        var i = pos;
        while (i > 0)
        {
            var left = blocks[i - 1];
            if (left.IsDeleted != right.IsDeleted || !TryMerge(left, right))
            {
                break;
            }

            right = left;
            i--;
        }

        var merged = pos - i;
        if (merged > 0)
        {
            blocks.RemoveRange(pos + 1 - merged, merged);
        }

        return merged;
    }

    private static bool TryMerge(Block left, Block right)
    {
        switch (left)
        {
            case GcBlock gc when right is GcBlock:
                gc.Length += right.Length;
                return true;
            case Item li when right is Item ri:
                if (!li.TryMergeWith(ri))
                {
                    return false;
                }

                if (ri.ParentSub is not null && ri.Parent.TryGetMapItem(ri.ParentSub, out var current) && current == ri)
                {
                    ri.Parent.Map[ri.ParentSub] = li;
                }

                return true;
            default:
                return false;
        }
    }
}
