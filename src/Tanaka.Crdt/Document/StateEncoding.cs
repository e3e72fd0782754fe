using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt.Document;

/// <summary>Writes what a document holds as v1 updates and state vectors (yjs-format 8).</summary>
internal static class StateEncoding
{
    public static byte[] EncodeStateVector(StructStore store)
    {
        var clients = SortedClients(store, null);
        var w = new Lib0Writer(4 + (clients.Count * 10));
        w.WriteVarUInt((ulong)clients.Count);
        foreach (var client in clients)
        {
            w.WriteVarUInt(client);
            w.WriteVarUInt(store.GetState(client));
        }

        return w.ToArray();
    }

    /// <summary>Every block the target (at <paramref name="target"/>) lacks, then the delete set of the whole store.</summary>
    public static byte[] EncodeState(StructStore store, StateVector? target) => EncodeState(store, target, null);

    /// <summary>
    /// Every block the target lacks, then a delete set: the whole store's when <paramref name="recentDeletes"/>
    /// is null, else the deleted runs among the blocks written plus <paramref name="recentDeletes"/>.
    /// </summary>
    public static byte[] EncodeState(StructStore store, StateVector? target, DeleteSet? recentDeletes)
    {
        var clients = SortedClients(store, target);
        var w = new Lib0Writer();
        w.WriteVarUInt((ulong)clients.Count);
        foreach (var client in clients)
        {
            WriteClientBlocks(w, store.GetBlocks(client)!, client, target?.Get(client) ?? 0);
        }

        if (recentDeletes is null)
        {
            DeleteSetCodec.Write(w, StoreDeleteSet(store));
        }
        else
        {
            foreach (var client in clients)
            {
                AddDeletedRuns(recentDeletes, client, store.GetBlocks(client)!, target?.Get(client) ?? 0);
            }

            recentDeletes.SortAndMerge();
            DeleteSetCodec.Write(w, recentDeletes);
        }

        return w.ToArray();
    }

    /// <summary>
    /// The update a transaction produced, as Yjs's 'update' event carries it: every block
    /// added since the transaction began (after GC and merging) and its delete set; null when it
    /// changed nothing.
    /// </summary>
    public static byte[]? EncodeTransaction(Transaction txn)
    {
        var store = txn.Store;
        List<ulong>? clients = null;
        foreach (var (client, before) in txn.TouchedClients)
        {
            if (store.GetState(client) > before)
            {
                (clients ??= []).Add(client);
            }
        }

        if (clients is null && txn.DeleteSet.IsEmpty)
        {
            return null;
        }

        var w = new Lib0Writer();
        if (clients is null)
        {
            w.WriteVarUInt(0);
        }
        else
        {
            clients.Sort(static (a, b) => b.CompareTo(a));
            w.WriteVarUInt((ulong)clients.Count);
            foreach (var client in clients)
            {
                WriteClientBlocks(w, store.GetBlocks(client)!, client, txn.TouchedClients[client]);
            }
        }

        DeleteSetCodec.Write(w, txn.DeleteSet);
        return w.ToArray();
    }

    /// <summary>An update without structs that carries only <paramref name="ds"/>.</summary>
    public static byte[] EncodeDeletesOnly(DeleteSet ds)
    {
        var w = new Lib0Writer();
        w.WriteVarUInt(0);
        DeleteSetCodec.Write(w, ds);
        return w.ToArray();
    }

    /// <summary>Every run of consecutive deleted blocks (deleted items and GC blocks) per client.</summary>
    public static DeleteSet StoreDeleteSet(StructStore store)
    {
        var ds = new DeleteSet();
        foreach (var client in store.Clients)
        {
            AddDeletedRuns(ds, client, store.GetBlocks(client)!, 0);
        }

        return ds;
    }

    /// <summary>Adds the runs of deleted blocks of one client, from the block holding <paramref name="from"/> on.</summary>
    private static void AddDeletedRuns(DeleteSet ds, ulong client, List<Block> blocks, ulong from)
    {
        var start = from <= blocks[0].Id.Clock ? 0 : Math.Max(0, StructStore.FindIndex(blocks, from));
        for (var i = start; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (!block.IsDeleted)
            {
                continue;
            }

            var clock = block.Id.Clock;
            var length = block.Length;
            while (i + 1 < blocks.Count && blocks[i + 1].IsDeleted)
            {
                length += blocks[++i].Length;
            }

            ds.Add(client, clock, length);
        }
    }

    private static List<ulong> SortedClients(StructStore store, StateVector? target)
    {
        var clients = new List<ulong>(store.ClientCount);
        foreach (var client in store.Clients)
        {
            if (target is null || store.GetState(client) > target.Get(client))
            {
                clients.Add(client);
            }
        }

        clients.Sort(static (a, b) => b.CompareTo(a));
        return clients;
    }

    private static void WriteClientBlocks(Lib0Writer w, List<Block> blocks, ulong client, ulong from)
    {
        var clock = Math.Max(from, blocks[0].Id.Clock);
        var start = StructStore.FindIndex(blocks, clock);
        w.WriteVarUInt((ulong)(blocks.Count - start));
        w.WriteVarUInt(client);
        w.WriteVarUInt(clock);
        WriteBlock(w, blocks[start], clock - blocks[start].Id.Clock);
        for (var i = start + 1; i < blocks.Count; i++)
        {
            WriteBlock(w, blocks[i], 0);
        }
    }

    private static void WriteBlock(Lib0Writer w, Block block, ulong offset)
    {
        if (block is Item item)
        {
            var parent = item.Parent;
            StructWriter.WriteItem(
                w,
                item.Id,
                offset,
                item.Origin,
                item.RightOrigin,
                parent.Item is null ? parent.Name : null,
                parent.Item?.Id,
                item.ParentSub,
                item.Content);
        }
        else
        {
            StructWriter.WriteGc(w, block.Length - offset);
        }
    }
}
