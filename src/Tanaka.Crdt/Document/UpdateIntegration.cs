using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Structs;
using Tanaka.Crdt.Types;
using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt.Document;

/// <summary>
/// Applies a decoded update to a document inside a transaction (yjs-format 7.1 - 7.3): structs
/// from the highest client down, dependencies on other clients resolved with a stack, what
/// cannot be integrated yet kept as pending, then the delete set.
/// </summary>
internal static class UpdateIntegration
{
    public static void Apply(Transaction txn, DecodedUpdate update)
    {
        var doc = txn.Doc;
        var store = txn.Store;
        while (true)
        {
            var rest = IntegrateStructs(txn, update);
            var retry = false;
            if (doc.PendingStructs is { } pending)
            {
                // Retry only if this update supplied something the pending structs were waiting for.
                foreach (var (client, clock) in pending.Missing)
                {
                    if (clock < store.GetState(client))
                    {
                        retry = true;
                        break;
                    }
                }

                if (rest is not null)
                {
                    foreach (var (client, clock) in rest.Missing)
                    {
                        pending.AddMissing(client, clock);
                    }

                    pending.Update = YUpdate.Merge([pending.Update, rest.Update], doc.OwnDataLimits);
                }
            }
            else
            {
                doc.PendingStructs = rest;
            }

            var deletesLeft = DeleteSetIntegration.Apply(txn, update.DeleteSet);
            if (doc.PendingDeletes is { } pendingDeletes)
            {
                var stillLeft = DeleteSetIntegration.Apply(txn, pendingDeletes);
                doc.PendingDeletes = DeleteSetIntegration.Union(deletesLeft, stillLeft);
            }
            else
            {
                doc.PendingDeletes = deletesLeft;
            }

            if (!retry)
            {
                return;
            }

            var again = doc.PendingStructs!.Update;
            doc.PendingStructs = null;
            update = UpdateDecoder.Decode(again, doc.OwnDataLimits);
        }
    }

    private sealed class ClientQueue(List<UpdateStruct> structs)
    {
        public List<UpdateStruct> Structs = structs;
        public int Next;

        public bool Exhausted => Next >= Structs.Count;
    }

    private static PendingStructs? IntegrateStructs(Transaction txn, DecodedUpdate update)
    {
        var store = txn.Store;
        var queues = new Dictionary<ulong, ClientQueue>();
        foreach (var (client, structs) in update.Clients)
        {
            // A client repeated in one (hostile) update: the last block wins, as in Yjs.
            queues[client] = new ClientQueue(structs);
        }

        if (queues.Count == 0)
        {
            return null;
        }

        var order = new List<ulong>(queues.Keys);
        order.Sort();

        ClientQueue? NextTarget()
        {
            while (order.Count > 0)
            {
                var q = queues[order[^1]];
                if (!q.Exhausted)
                {
                    return q;
                }

                order.RemoveAt(order.Count - 1);
            }

            return null;
        }

        var current = NextTarget();
        if (current is null)
        {
            return null;
        }

        var stack = new List<UpdateStruct>();
        Dictionary<ulong, List<UpdateStruct>>? rest = null;
        Dictionary<ulong, ulong>? missingSv = null;

        void AddMissing(ulong client, ulong clock)
        {
            missingSv ??= [];
            if (!missingSv.TryGetValue(client, out var m) || m > clock)
            {
                missingSv[client] = clock;
            }
        }

        void MoveStackToRest()
        {
            rest ??= [];
            foreach (var s in stack)
            {
                var client = s.Id.Client;
                if (queues.Remove(client, out var q))
                {
                    // The struct on the stack was the last one taken from its queue: it and the
                    // rest of that queue wait.
                    q.Next--;
                    rest[client] = q.Structs.GetRange(q.Next, q.Structs.Count - q.Next);
                    q.Structs = [];
                    q.Next = 0;
                }
                else
                {
                    rest[client] = [s];
                }

                order.Remove(client);
            }

            stack.Clear();
        }

        var head = current.Structs[current.Next++];
        while (true)
        {
            if (head is not SkipStruct)
            {
                var client = head.Id.Client;
                var localClock = store.GetState(client);
                if (localClock < head.Id.Clock)
                {
                    // A gap in this client's clocks: an earlier update of it is missing.
                    stack.Add(head);
                    AddMissing(client, head.Id.Clock - 1);
                    MoveStackToRest();
                }
                else if (MissingClient(store, head) is { } missing)
                {
                    stack.Add(head);
                    if (!queues.TryGetValue(missing, out var q) || q.Exhausted)
                    {
                        AddMissing(missing, store.GetState(missing));
                        MoveStackToRest();
                    }
                    else
                    {
                        head = q.Structs[q.Next++];
                        continue;
                    }
                }
                else
                {
                    var offset = localClock - head.Id.Clock;
                    if (offset == 0 || offset < head.Length)
                    {
                        Integrate(txn, head, offset);
                    }
                }
            }

            if (stack.Count > 0)
            {
                head = stack[^1];
                stack.RemoveAt(stack.Count - 1);
            }
            else if (current is not null && !current.Exhausted)
            {
                head = current.Structs[current.Next++];
            }
            else
            {
                current = NextTarget();
                if (current is null)
                {
                    break;
                }

                head = current.Structs[current.Next++];
            }
        }

        return rest is null ? null : new PendingStructs(EncodeRest(rest), missingSv ?? []);
    }

    /// <summary>The client of an ID this struct depends on that the store does not hold yet, or null.</summary>
    private static ulong? MissingClient(StructStore store, UpdateStruct s)
    {
        if (s is not ItemStruct item)
        {
            return null;
        }

        var client = item.Id.Client;
        if (item.Origin is { } o && o.Client != client && o.Clock >= store.GetState(o.Client))
        {
            return o.Client;
        }

        if (item.RightOrigin is { } r && r.Client != client && r.Clock >= store.GetState(r.Client))
        {
            return r.Client;
        }

        if (item.ParentId is { } p && p.Client != client && p.Clock >= store.GetState(p.Client))
        {
            return p.Client;
        }

        return null;
    }

    private static void Integrate(Transaction txn, UpdateStruct s, ulong offset)
    {
        switch (s)
        {
            case GcStruct:
                txn.AddStruct(new GcBlock(new Id(s.Id.Client, s.Id.Clock + offset), s.Length - offset));
                break;
            case ItemStruct item:
                IntegrateItem(txn, item, offset);
                break;
            default:
                break;
        }
    }

    private static void IntegrateItem(Transaction txn, ItemStruct s, ulong offset)
    {
        var store = txn.Store;
        var collect = false;
        Item? left = null;
        Item? right = null;
        var origin = s.Origin;
        var rightOrigin = s.RightOrigin;
        if (origin is { } o)
        {
            if (store.GetCleanEnd(txn, o) is Item l)
            {
                left = l;
                origin = l.LastId;
            }
            else
            {
                // A GC block (or, in a hostile update, nothing at all): the neighbourhood is gone.
                collect = true;
            }
        }

        if (rightOrigin is { } ro)
        {
            if (store.GetCleanStart(txn, ro) is Item r)
            {
                right = r;
                rightOrigin = r.Id;
            }
            else
            {
                collect = true;
            }
        }

        Branch? parent = null;
        var parentSub = s.ParentSub;
        if (!collect)
        {
            if (s.ParentName is { } name)
            {
                parent = txn.Doc.GetOrCreateRoot(name);
            }
            else if (s.ParentId is { } pid)
            {
                // The parent must be an item holding a type; anything else leaves the item without a parent.
                if (store.Find(pid) is Item { Content: TypeContent { Type: { } type } })
                {
                    parent = type.Branch;
                }
            }
            else if (left is not null)
            {
                parent = left.Parent;
                parentSub = left.ParentSub;
            }
            else if (right is not null)
            {
                parent = right.Parent;
                parentSub = right.ParentSub;
            }
        }

        if (parent is not null && s.Content is TypeContent && parent.Depth >= txn.Doc.Limits.MaxTypeDepth)
        {
            // Deeper nesting than we allow: treat like an item without a live parent.
            parent = null;
        }

        var id = s.Id;
        var content = s.Content;
        var length = s.Length;
        if (offset > 0)
        {
            // Only the part this document lacks is integrated; it continues our own last block.
            id = new Id(id.Client, id.Clock + offset);
            if (store.GetCleanEnd(txn, new Id(id.Client, id.Clock - 1)) is Item l)
            {
                left = l;
                origin = l.LastId;
            }
            else
            {
                parent = null;
            }

            content = content.Splice(offset);
            length -= offset;
        }

        if (parent is null)
        {
            txn.AddStruct(new GcBlock(id, length));
            return;
        }

        new Item(id, left, origin, right, rightOrigin, parent, parentSub, content).Integrate(txn);
    }

    /// <summary>Structs that wait for a missing dependency, as one update (clients descending, as Yjs writes them).</summary>
    private static byte[] EncodeRest(Dictionary<ulong, List<UpdateStruct>> rest)
    {
        var clients = new List<ulong>(rest.Keys);
        clients.Sort(static (a, b) => b.CompareTo(a));
        var w = new Lib0Writer();
        w.WriteVarUInt((ulong)clients.Count);
        foreach (var client in clients)
        {
            var structs = rest[client];
            w.WriteVarUInt((ulong)structs.Count);
            w.WriteVarUInt(client);
            w.WriteVarUInt(structs[0].Id.Clock);
            foreach (var s in structs)
            {
                switch (s)
                {
                    case ItemStruct item:
                        StructWriter.WriteItem(w, item, 0);
                        break;
                    case GcStruct:
                        StructWriter.WriteGc(w, s.Length);
                        break;
                    default:
                        StructWriter.WriteSkip(w, s.Length);
                        break;
                }
            }
        }

        w.WriteVarUInt(0);
        return w.ToArray();
    }
}
