namespace Tanaka.Crdt.Updates;

/// <summary>The progress of an <see cref="UpdateReader"/>, kept between reads of one struct at a time.</summary>
internal struct UpdateReadState
{
    public UpdateReadState()
    {
    }

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

    /// <summary>Whether the non-empty blocks so far came in descending client order, as Yjs writes them.</summary>
    public bool Descending = true;
}
