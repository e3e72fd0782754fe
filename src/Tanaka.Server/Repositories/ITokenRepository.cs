using Tanaka.Server.Domain;

namespace Tanaka.Server.Repositories;

/// <summary>Access tokens, kept as SHA-256 hashes (<see cref="TokenHash"/>); a token itself is never stored.</summary>
public interface ITokenRepository
{
    /// <summary>Stores a token's hash for a workspace, creating the workspace if it is new.</summary>
    /// <exception cref="ArgumentException">The hash is not <see cref="TokenHash.Length"/> bytes.</exception>
    Task<TokenRecord> CreateAsync(string name, string workspaceId, byte[] hash, DateTimeOffset createdAt, CancellationToken cancellationToken = default);

    /// <summary>The token with this hash, revoked or not (the caller decides), or null.</summary>
    Task<TokenRecord?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken = default);

    Task<TokenRecord?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Every token of every workspace, revoked ones included, ordered by id.</summary>
    Task<IReadOnlyList<TokenRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Number of tokens not revoked; the server creates one at first start when this is 0.</summary>
    Task<int> CountActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks the token revoked; false when there is no such token or it was already revoked.</summary>
    Task<bool> RevokeAsync(long id, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a use. Every call is a write, so callers throttle (e.g. only when the stored
    /// <see cref="TokenRecord.LastUsedAt"/> is a minute old).
    /// </summary>
    Task MarkUsedAsync(long id, DateTimeOffset usedAt, CancellationToken cancellationToken = default);
}
