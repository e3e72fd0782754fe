namespace Tanaka.Server.Domain;

/// <summary>
/// A workspace document compacted into one update: <see cref="State"/> is the document (one Yjs
/// v1 update) with every log entry up to <see cref="Clock"/> folded in, <see cref="StateVector"/>
/// its Yjs state vector.
/// </summary>
public sealed record DocumentSnapshot(
    string WorkspaceId,
    byte[] State,
    byte[] StateVector,
    long Clock,
    DateTimeOffset CreatedAt);
