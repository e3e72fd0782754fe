namespace Tanaka.Crdt.Updates;

/// <summary>The progress of an <see cref="UpdateReader"/>, kept between reads of one struct at a time.</summary>
internal struct UpdateReadState
{
    public int Position;
    public int BlocksLeft;
    public int StructsLeft;
    public int BlockCount;
    public ulong Client;
    public ulong Clock;
    public long StructCount;
    public ulong FirstClient;

    /// <summary>Clients of the blocks read so far, once there are two (a client may have only one block).</summary>
    public HashSet<ulong>? Clients;

    /// <summary>Whether a non-empty block came after one of a lower client (Yjs writes descending order).</summary>
    public bool OutOfOrder;
}
