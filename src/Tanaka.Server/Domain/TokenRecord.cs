namespace Tanaka.Server.Domain;

/// <summary>An access token as stored: its SHA-256 hash, never the token itself.</summary>
public sealed record TokenRecord(
    long Id,
    string Name,
    string WorkspaceId,
    byte[] Hash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
