namespace Tanaka.Crdt.Structs;

/// <summary>
/// A struct as decoded from an update, before (or without) integration into a document:
/// a GC run, a Skip gap, or an Item. Clocks of consecutive structs of one client follow each
/// other: each starts where the previous one ends.
/// </summary>
public abstract class UpdateStruct(Id id, ulong length)
{
    public Id Id { get; set; } = id;

    /// <summary>How many clocks the struct covers.</summary>
    public ulong Length { get; set; } = length;

    /// <summary>The first clock after this struct.</summary>
    public ulong EndClock => Id.Clock + Length;

    public abstract ContentRef Ref { get; }
}

/// <summary>A run of garbage-collected IDs (content ref 0).</summary>
public sealed class GcStruct(Id id, ulong length) : UpdateStruct(id, length)
{
    public override ContentRef Ref => ContentRef.Gc;
}

/// <summary>A gap of IDs the update does not carry (content ref 10).</summary>
public sealed class SkipStruct(Id id, ulong length) : UpdateStruct(id, length)
{
    public override ContentRef Ref => ContentRef.Skip;
}

/// <summary>
/// An Item as written on the wire. When it has an origin or right origin, the parent and key
/// were not written (<see cref="ParentName"/>, <see cref="ParentId"/> and <see cref="ParentSub"/>
/// are null) and the receiver takes them from the neighbour it finds.
/// </summary>
public sealed class ItemStruct(Id id, Content content) : UpdateStruct(id, content.Length)
{
    // Every applied update decodes one of these per item; plain IDs with presence bits take
    // 24 bytes less than three Id? (each padded to 24 bytes).
    private Id _origin;
    private Id _rightOrigin;
    private Id _parentId;
    private IdPresence _present;

    [Flags]
    private enum IdPresence : byte
    {
        None = 0,
        Origin = 1,
        RightOrigin = 2,
        ParentId = 4,
    }

    public override ContentRef Ref => Content.Ref;

    public Content Content { get; set; } = content;

    /// <summary>The ID of the item immediately left of this one when it was inserted.</summary>
    public Id? Origin
    {
        get => Get(_origin, IdPresence.Origin);
        set => Set(ref _origin, IdPresence.Origin, value);
    }

    /// <summary>The ID of the item immediately right of this one when it was inserted.</summary>
    public Id? RightOrigin
    {
        get => Get(_rightOrigin, IdPresence.RightOrigin);
        set => Set(ref _rightOrigin, IdPresence.RightOrigin, value);
    }

    /// <summary>The name of the root type that is the parent, when written as a root.</summary>
    public string? ParentName { get; set; }

    /// <summary>The ID of the item whose TypeContent is the parent, when written as a nested type.</summary>
    public Id? ParentId
    {
        get => Get(_parentId, IdPresence.ParentId);
        set => Set(ref _parentId, IdPresence.ParentId, value);
    }

    /// <summary>The map key, when written (only for items without origin and right origin).</summary>
    public string? ParentSub { get; set; }

    /// <summary>
    /// Whether the writer knew a parentSub (the 0x20 bit was set). True when
    /// <see cref="ParentSub"/> is set; may also be true with origins and no key written.
    /// Re-encoding a decoded item writes 0x20 only if <see cref="ParentSub"/> is known.
    /// </summary>
    public bool HasParentSubFlag { get; set; }

    private Id? Get(Id id, IdPresence bit) => (_present & bit) != 0 ? id : null;

    private void Set(ref Id field, IdPresence bit, Id? value)
    {
        field = value.GetValueOrDefault();
        _present = value is null ? _present & ~bit : _present | bit;
    }
}
