using Tanaka.Crdt.Structs;

namespace Tanaka.Crdt.Updates;

/// <summary>A v1 update decoded whole: its client blocks in wire order and its delete set.</summary>
public sealed class DecodedUpdate
{
    /// <summary>Client blocks as they appear on the wire (Yjs writes them in descending client order). Empty blocks are left out.</summary>
    public List<(ulong Client, List<UpdateStruct> Structs)> Clients { get; } = [];

    public DeleteSet DeleteSet { get; set; } = new();
}
