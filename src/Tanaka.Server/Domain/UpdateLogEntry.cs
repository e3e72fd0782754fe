namespace Tanaka.Server.Domain;

/// <summary>One accepted Yjs update (v1, stored opaque) stamped with the server's Lamport clock.</summary>
public sealed record UpdateLogEntry(
    string WorkspaceId,
    long Clock,
    string DeviceId,
    byte[] Update,
    DateTimeOffset CreatedAt);
