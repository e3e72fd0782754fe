using Tanaka.Crdt.Encoding;

namespace Tanaka.Crdt.Updates;

/// <summary>For each client, the next clock a peer lacks: what it has is clocks 0 .. clock - 1.</summary>
public sealed class StateVector
{
    private readonly Dictionary<ulong, ulong> _clocks = [];

    public int Count => _clocks.Count;

    public IReadOnlyDictionary<ulong, ulong> Clocks => _clocks;

    /// <summary>The client's clock, 0 when absent.</summary>
    public ulong Get(ulong client) => _clocks.TryGetValue(client, out var clock) ? clock : 0;

    public void Set(ulong client, ulong clock) => _clocks[client] = clock;

    /// <summary>Decodes an encoded state vector; a repeated client keeps its last clock, as in Yjs.</summary>
    public static StateVector Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new Lib0Reader(encoded);
        var result = Read(ref reader);
        if (!reader.IsAtEnd)
        {
            throw new UpdateDecodeException(DecodeError.TrailingBytes, "Bytes follow the state vector", reader.Position);
        }

        return result;
    }

    /// <summary>Reads a state vector that is part of a larger message.</summary>
    public static StateVector Read(ref Lib0Reader reader)
    {
        var count = reader.ReadCount(2);
        var result = new StateVector();
        for (var i = 0; i < count; i++)
        {
            var client = reader.ReadVarUInt();
            result.Set(client, reader.ReadVarUInt());
        }

        return result;
    }

    /// <summary>Encodes with clients in descending order, as Yjs does.</summary>
    public byte[] Encode()
    {
        var w = new Lib0Writer(1 + (_clocks.Count * 12));
        Write(w);
        return w.ToArray();
    }

    public void Write(Lib0Writer w)
    {
        w.WriteVarUInt((ulong)_clocks.Count);
        var clients = _clocks.Keys.ToArray();
        Array.Sort(clients, static (a, b) => b.CompareTo(a));
        foreach (var client in clients)
        {
            w.WriteVarUInt(client);
            w.WriteVarUInt(_clocks[client]);
        }
    }
}
