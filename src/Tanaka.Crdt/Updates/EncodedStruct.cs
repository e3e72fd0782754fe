using Tanaka.Crdt.Structs;

namespace Tanaka.Crdt.Updates;

/// <summary>What kind of struct an <see cref="EncodedStruct"/> is.</summary>
internal enum StructKind : byte
{
    Gc,
    Skip,
    Item,
}

/// <summary>
/// One struct of an update as Yjs holds it after decoding, kept as positions in the encoded
/// bytes so update-level operations can copy strings and content without decoding them.
/// Content that Yjs would not write back byte for byte (numbers in another Any tag, JSON text
/// with other spacing, non-minimal var-ints) is re-encoded once, into <see cref="Canonical"/>.
/// </summary>
internal struct EncodedStruct
{
    public ulong Client;
    public ulong Clock;
    public ulong Length;
    public StructKind Kind;
    public ContentRef Ref;

    /// <summary>The 0x20 bit of the info byte (the writer knew a parentSub, written or not).</summary>
    public bool ParentSubFlag;
    public bool HasOrigin;
    public bool HasRightOrigin;

    /// <summary>True when the parent was written as a root name, false for a parent ID (only without origins).</summary>
    public bool ParentIsName;
    public Id Origin;
    public Id RightOrigin;
    public Id ParentId;

    /// <summary>UTF-8 of the root name (ParentIsName), in the source update.</summary>
    public int ParentNameStart;
    public int ParentNameLength;

    /// <summary>UTF-8 of the map key, or -1 when no key was written.</summary>
    public int ParentSubStart;
    public int ParentSubLength;

    /// <summary>
    /// Content in the source update: the UTF-8 of a string, the bytes of a binary, the values
    /// (after the count) of Any content. Unused when <see cref="Canonical"/> is set.
    /// </summary>
    public int ContentStart;
    public int ContentLength;

    /// <summary>
    /// Content as Yjs writes it, when it differs from the source or is of a rarely used kind:
    /// for Any and JSON the elements without their count, for the rest the whole content body.
    /// </summary>
    public byte[]? Canonical;

    /// <summary>Clocks cut from the front since decoding (a merge keeps only the tail of a struct).</summary>
    public ulong Cut;

    public readonly ulong EndClock => Clock + Length;

    /// <summary>Whether the map key was decoded, so that re-encoding sets the 0x20 bit (yjs-format 3.2).</summary>
    public readonly bool HasParentSub => ParentSubStart >= 0;

    public readonly bool HasParent => !HasOrigin && !HasRightOrigin;
}
