using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Structs;
using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt;

/// <summary>
/// Operations on encoded v1 updates that need no document, byte for byte as Yjs 13.6 does them
/// (<c>Y.mergeUpdates</c>, <c>Y.diffUpdate</c>, <c>Y.encodeStateVectorFromUpdate</c>). Every
/// input is validated completely; malformed input throws <see cref="UpdateDecodeException"/>.
/// </summary>
public static class YUpdate
{
    private static readonly byte[] EmptyUpdate = [0, 0];

    /// <summary>Checks that an update is well-formed, or throws <see cref="UpdateDecodeException"/>.</summary>
    public static void Validate(ReadOnlySpan<byte> update, CrdtLimits? limits = null) =>
        ReadDeleteSet(update, limits ?? CrdtLimits.Default);

    /// <summary>Reads past every struct (checking each) and returns the update's delete set.</summary>
    internal static DeleteSet ReadDeleteSet(ReadOnlySpan<byte> update, CrdtLimits limits)
    {
        var reader = new UpdateReader(update, limits);
        while (reader.TryRead(out _))
        {
        }

        return reader.ReadDeleteSet();
    }

    /// <summary>
    /// Merges updates into one (<c>Y.mergeUpdates</c>, yjs-format 5.4). A single update comes
    /// back unchanged (as a copy, after validation).
    /// </summary>
    public static byte[] Merge(IReadOnlyList<byte[]> updates, CrdtLimits? limits = null)
    {
        limits ??= CrdtLimits.Default;
        if (updates.Count == 1)
        {
            Validate(updates[0], limits);
            return (byte[])updates[0].Clone();
        }

        if (updates.Count == 0)
        {
            return (byte[])EmptyUpdate.Clone();
        }

        try
        {
            return MergeInputs(updates, [.. updates.Select((u, i) => new MergeCursor(i, u, limits))]);
        }
        catch (ClientOrderException)
        {
            // Yjs merges as if every input listed clients in descending order, and loses
            // structs when one does not; re-ordering the blocks of such an input first gives
            // what Yjs gives for the same update written in its own order.
            return MergeInputs(updates, [.. updates.Select((u, i) => SortedCursor(i, u, limits))]);
        }
    }

    private static byte[] MergeInputs(IReadOnlyList<byte[]> updates, MergeCursor[] cursors)
    {
        var blocks = new BlockWriter();
        new StructMerge(updates, blocks).Run(new MergeOrder(cursors));
        var output = new Lib0Writer(blocks.Length + 64);
        blocks.Finish(output);
        DeleteSetCodec.Write(output, UniteDeleteSets([.. cursors.Select(c => c.DeleteSet!)]));
        return output.ToArray();
    }

    /// <summary>
    /// What of <paramref name="update"/> a peer with <paramref name="stateVector"/> lacks
    /// (<c>Y.diffUpdate</c>, yjs-format 5.3). The delete set is copied whole.
    /// </summary>
    public static byte[] Diff(ReadOnlySpan<byte> update, ReadOnlySpan<byte> stateVector, CrdtLimits? limits = null)
    {
        var state = StateVector.Decode(stateVector);
        var reader = new UpdateReader(update, limits ?? CrdtLimits.Default);
        var blocks = new BlockWriter();
        var hasCurrent = reader.TryRead(out var current);
        while (hasCurrent)
        {
            var client = current.Client;
            var known = state.Get(client);
            if (current.Kind == StructKind.Skip)
            {
                // A client's first written struct is never a Skip.
                hasCurrent = reader.TryRead(out current);
                continue;
            }

            if (current.EndClock > known)
            {
                var offset = known > current.Clock ? known - current.Clock : 0;
                StructWriter.Write(blocks.Begin(client, current.Clock + offset), current, update, offset);
                hasCurrent = reader.TryRead(out current);
                while (hasCurrent && current.Client == client)
                {
                    StructWriter.Write(blocks.Begin(client, current.Clock), current, update, 0);
                    hasCurrent = reader.TryRead(out current);
                }
            }
            else
            {
                do
                {
                    hasCurrent = reader.TryRead(out current);
                }
                while (hasCurrent && current.Client == client && current.EndClock <= known);
            }
        }

        var output = new Lib0Writer(update.Length + 16);
        blocks.Finish(output);
        DeleteSetCodec.Write(output, reader.ReadDeleteSet());
        return output.ToArray();
    }

    /// <summary>
    /// The state vector an update implies (<c>Y.encodeStateVectorFromUpdate</c>, yjs-format 5.2):
    /// per client, the clocks contiguous from 0, in the order clients appear.
    /// </summary>
    public static byte[] EncodeStateVectorFromUpdate(ReadOnlySpan<byte> update, CrdtLimits? limits = null)
    {
        var reader = new UpdateReader(update, limits ?? CrdtLimits.Default);
        var entries = new Lib0Writer(32);
        var count = 0;
        if (reader.TryRead(out var current))
        {
            var client = current.Client;
            var stopped = current.Clock != 0;

            // Like Yjs, this counts the update's very first struct even when it is a Skip.
            var clock = stopped ? 0 : current.EndClock;
            do
            {
                if (current.Client != client)
                {
                    if (clock != 0)
                    {
                        entries.WriteVarUInt(client);
                        entries.WriteVarUInt(clock);
                        count++;
                    }

                    client = current.Client;
                    clock = 0;
                    stopped = current.Clock != 0;
                }

                if (current.Kind == StructKind.Skip)
                {
                    stopped = true;
                }

                if (!stopped)
                {
                    clock = current.EndClock;
                }
            }
            while (reader.TryRead(out current));

            if (clock != 0)
            {
                entries.WriteVarUInt(client);
                entries.WriteVarUInt(clock);
                count++;
            }
        }

        reader.ReadDeleteSet();
        var output = new Lib0Writer(entries.Length + 4);
        output.WriteVarUInt((ulong)count);
        output.WriteRaw(entries.WrittenSpan);
        return output.ToArray();
    }

    /// <summary>
    /// Re-encodes a v2 update as v1 (<c>Y.convertUpdateFormatV2ToV1</c>): every struct is
    /// written from its decoded form, Skips included, then the delete set.
    /// </summary>
    public static byte[] ConvertV2ToV1(ReadOnlySpan<byte> update, CrdtLimits? limits = null) =>
        Encode(UpdateDecoder.DecodeV2(update, limits));

    /// <summary>Writes a decoded update as v1, each struct as decoded.</summary>
    public static byte[] Encode(DecodedUpdate update)
    {
        var output = new Lib0Writer(256);
        output.WriteVarUInt((ulong)update.Clients.Count(c => c.Structs.Count > 0));
        foreach (var (client, structs) in update.Clients)
        {
            if (structs.Count == 0)
            {
                continue;
            }

            output.WriteVarUInt((ulong)structs.Count);
            output.WriteVarUInt(client);
            output.WriteVarUInt(structs[0].Id.Clock);
            foreach (var s in structs)
            {
                switch (s)
                {
                    case ItemStruct item:
                        StructWriter.WriteItem(output, item, 0);
                        break;
                    case SkipStruct:
                        StructWriter.WriteSkip(output, s.Length);
                        break;
                    default:
                        StructWriter.WriteGc(output, s.Length);
                        break;
                }
            }
        }

        DeleteSetCodec.Write(output, update.DeleteSet);
        return output.ToArray();
    }

    /// <summary>Reads one input of a merge whole, its blocks sorted into descending client order (stable: clocks stay in order).</summary>
    private static MergeCursor SortedCursor(int input, byte[] update, CrdtLimits limits)
    {
        var reader = new UpdateReader(update, limits);
        var structs = new List<EncodedStruct>();
        while (reader.TryRead(out var s))
        {
            if (s.Kind != StructKind.Skip)
            {
                structs.Add(s);
            }
        }

        var deleteSet = reader.ReadDeleteSet();
        return new MergeCursor(input, update, [.. structs.OrderByDescending(s => s.Client)], deleteSet);
    }

    /// <summary>Unites the delete sets in input order, then sorts and coalesces each client's ranges.</summary>
    private static DeleteSet UniteDeleteSets(DeleteSet[] deleteSets)
    {
        var united = new DeleteSet();
        foreach (var deleteSet in deleteSets)
        {
            united.AddAll(deleteSet);
        }

        united.SortAndMerge();
        return united;
    }
}
