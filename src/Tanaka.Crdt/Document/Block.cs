namespace Tanaka.Crdt.Document;

/// <summary>
/// A struct in a document's struct store: an <see cref="Item"/> or a <see cref="GcBlock"/>.
/// Per client the blocks cover clocks 0 .. state-1 without gaps, in clock order.
/// </summary>
internal abstract class Block(Id id, ulong length)
{
    public Id Id = id;

    public ulong Length = length;

    public ulong EndClock => Id.Clock + Length;

    /// <summary>GC blocks are always deleted; items when marked so.</summary>
    public abstract bool IsDeleted { get; }
}

/// <summary>A run of garbage-collected IDs: only their range is known.</summary>
internal sealed class GcBlock(Id id, ulong length) : Block(id, length)
{
    public override bool IsDeleted => true;
}
