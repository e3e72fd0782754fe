using Tanaka.Server.Domain;

namespace Tanaka.Server.Services;

/// <summary>Access tokens: checking presented ones and managing stored ones (hashes only; a token is shown once, when created).</summary>
public interface IAuthService
{
    /// <summary>
    /// Which workspace the token opens. Looked up on every call, so a revoke takes effect at the
    /// next request. Records the token's last use (at most once a minute).
    /// </summary>
    Task<TokenCheck> AuthenticateAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Creates a token for the workspace (created too when new).</summary>
    /// <exception cref="ArgumentException">The name is empty or too long, or the workspace id is not a valid <see cref="Identifier"/>.</exception>
    Task<IssuedToken> CreateTokenAsync(string name, string workspaceId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TokenRecord>> ListTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>False when there is no such token or it was revoked already.</summary>
    Task<bool> RevokeTokenAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Whether any token opens the server: the configured one or an active stored one.</summary>
    Task<bool> HasAnyTokenAsync(CancellationToken cancellationToken = default);
}
