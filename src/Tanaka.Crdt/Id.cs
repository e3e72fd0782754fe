namespace Tanaka.Crdt;

/// <summary>
/// The identity of one unit of content: the client that made it and that client's clock.
/// Both are bounded by 2^53 - 1, the largest integer a JavaScript number holds exactly.
/// </summary>
public readonly record struct Id(ulong Client, ulong Clock)
{
    /// <summary>The largest client id or clock Yjs can represent (2^53 - 1).</summary>
    public const ulong MaxSafeInteger = (1UL << 53) - 1;

    public override string ToString() => $"({Client},{Clock})";
}
