using Tanaka.Crdt.Encoding;
using Tanaka.Crdt.Structs;
using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt.Tests.Document;

/// <summary>Writes hand-made v1 updates, including ones no well-behaved client would send.</summary>
internal sealed class UpdateBuilder
{
    private readonly List<(ulong Client, ulong Clock, List<Action<Lib0Writer>> Structs)> _blocks = [];
    private readonly DeleteSet _deletes = new();

    public UpdateBuilder Block(ulong client, ulong clock)
    {
        _blocks.Add((client, clock, []));
        return this;
    }

    public UpdateBuilder Item(Content content, Id? origin = null, Id? rightOrigin = null, string? parentName = null, Id? parentId = null, string? key = null)
    {
        var (client, _, structs) = _blocks[^1];
        structs.Add(w => StructWriter.WriteItem(w, new Id(client, 0), 0, origin, rightOrigin, parentName, parentId, key, content));
        return this;
    }

    public UpdateBuilder Delete(ulong client, ulong clock, ulong length)
    {
        _deletes.Add(client, clock, length);
        return this;
    }

    public byte[] Build()
    {
        var w = new Lib0Writer();
        w.WriteVarUInt((ulong)_blocks.Count);
        foreach (var (client, clock, structs) in _blocks)
        {
            w.WriteVarUInt((ulong)structs.Count);
            w.WriteVarUInt(client);
            w.WriteVarUInt(clock);
            foreach (var write in structs)
            {
                write(w);
            }
        }

        DeleteSetCodec.Write(w, _deletes);
        return w.ToArray();
    }

    public static AnyContent Any(params object?[] values) => new([.. values]);

    public static TypeContent MapType() => new(TypeRef.Map, null);
}
