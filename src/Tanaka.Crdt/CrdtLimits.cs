namespace Tanaka.Crdt;

/// <summary>
/// Caps applied while decoding untrusted updates. Every count and length read from input is
/// checked against the bytes that remain and against these limits before anything is allocated.
/// </summary>
public sealed record CrdtLimits
{
    /// <summary>Defaults suitable for a sync server.</summary>
    public static CrdtLimits Default { get; } = new();

    /// <summary>Maximum nesting depth of Any values (arrays and objects inside each other).</summary>
    public int MaxAnyDepth { get; init; } = 64;

    /// <summary>Maximum number of structs one update may carry.</summary>
    public int MaxStructs { get; init; } = 1_000_000;

    /// <summary>Maximum number of delete ranges one update may carry.</summary>
    public int MaxDeleteRanges { get; init; } = 1_000_000;

    /// <summary>Maximum nesting depth of shared types inside each other in a document.</summary>
    public int MaxTypeDepth { get; init; } = 64;
}
