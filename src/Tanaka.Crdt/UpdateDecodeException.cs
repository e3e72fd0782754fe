namespace Tanaka.Crdt;

/// <summary>Why an update (or state vector) could not be decoded.</summary>
public enum DecodeError
{
    /// <summary>The input ended before a value was complete.</summary>
    UnexpectedEnd,
    /// <summary>A var-uint or var-int is longer or larger than allowed (beyond 2^53 - 1).</summary>
    VarIntOverflow,
    /// <summary>A declared length or count exceeds what remains of the input.</summary>
    LengthExceedsInput,
    /// <summary>A string is not valid UTF-8.</summary>
    InvalidUtf8,
    /// <summary>An unknown Any tag, content ref, type ref or info flag combination.</summary>
    UnknownTag,
    /// <summary>Nesting deeper than <see cref="CrdtLimits.MaxAnyDepth"/> or <see cref="CrdtLimits.MaxTypeDepth"/>.</summary>
    TooDeep,
    /// <summary>More structs or delete ranges than the limits allow.</summary>
    TooLarge,
    /// <summary>Bytes are left over after a complete update.</summary>
    TrailingBytes,
    /// <summary>The update is well-formed bytes but describes something impossible (e.g. overlapping blocks of one client, a clock beyond 2^53 - 1).</summary>
    Inconsistent,
    /// <summary>The update uses a format or feature this engine does not support.</summary>
    Unsupported,
}

/// <summary>
/// The one exception every decoder in Tanaka.Crdt throws for malformed input. It is raised
/// before any document is touched.
/// </summary>
public sealed class UpdateDecodeException : Exception
{
    public UpdateDecodeException(DecodeError error, string message, long offset = -1)
        : base(offset >= 0 ? $"{message} (at byte {offset})" : message)
    {
        Error = error;
        Offset = offset;
    }

    /// <summary>The machine-readable reason.</summary>
    public DecodeError Error { get; }

    /// <summary>The byte offset in the input where the problem was found, or -1 when unknown.</summary>
    public long Offset { get; }
}
