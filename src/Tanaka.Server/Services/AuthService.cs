using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;
using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;

namespace Tanaka.Server.Services;

/// <summary>
/// Tokens from the database (by SHA-256 hash) and the optional configured <c>auth.token</c>,
/// which opens the workspace <see cref="Workspace.DefaultId"/>. Hashes are compared in constant
/// time; nothing about a token is cached, so a revoke is effective at the next request.
/// </summary>
public sealed class AuthService(
    ITokenRepository tokens,
    IOptions<AuthOptions> options,
    TimeProvider time) : IAuthService
{
    public const int MaxNameLength = 100;

    /// <summary>The configured token's name in <see cref="WorkspaceAccess"/> (it has no stored record).</summary>
    public const string ConfiguredTokenName = "auth.token";

    // Recording every use would turn each sync into a second write.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly byte[]? _configuredHash = string.IsNullOrEmpty(options.Value.Token) ? null : TokenHash.Of(options.Value.Token);
    private readonly ConcurrentDictionary<long, DateTimeOffset> _lastMarked = new();

    public async Task<TokenCheck> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length is 0 or > AccessToken.MaxPresentedLength)
        {
            return TokenCheck.Unknown;
        }

        var hash = TokenHash.Of(token);
        if (_configuredHash is not null && CryptographicOperations.FixedTimeEquals(hash, _configuredHash))
        {
            return new TokenCheck(TokenStatus.Valid, new WorkspaceAccess(Workspace.DefaultId, null, ConfiguredTokenName));
        }

        var record = await tokens.FindByHashAsync(hash, cancellationToken);
        if (record is null || !CryptographicOperations.FixedTimeEquals(record.Hash, hash))
        {
            return TokenCheck.Unknown;
        }

        if (record.IsRevoked)
        {
            return new TokenCheck(TokenStatus.Revoked, TokenId: record.Id);
        }

        await MarkUsedAsync(record, cancellationToken);
        return new TokenCheck(TokenStatus.Valid, new WorkspaceAccess(record.WorkspaceId, record.Id, record.Name), record.Id);
    }

    public async Task<IssuedToken> CreateTokenAsync(string name, string workspaceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength || name.Any(char.IsControl))
        {
            throw new ArgumentException($"A token name is 1 to {MaxNameLength} printable characters.", nameof(name));
        }

        if (!Identifier.IsValid(workspaceId))
        {
            throw new ArgumentException($"A workspace id is {Identifier.Rule}.", nameof(workspaceId));
        }

        var token = AccessToken.Generate();
        var record = await tokens.CreateAsync(name, workspaceId, TokenHash.Of(token), time.GetUtcNow(), cancellationToken);
        return new IssuedToken(record, token);
    }

    public Task<IReadOnlyList<TokenRecord>> ListTokensAsync(CancellationToken cancellationToken = default) =>
        tokens.ListAsync(cancellationToken);

    public Task<bool> RevokeTokenAsync(long id, CancellationToken cancellationToken = default) =>
        tokens.RevokeAsync(id, time.GetUtcNow(), cancellationToken);

    public async Task<bool> HasAnyTokenAsync(CancellationToken cancellationToken = default) =>
        _configuredHash is not null || await tokens.CountActiveAsync(cancellationToken) > 0;

    private async Task MarkUsedAsync(TokenRecord record, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var last = _lastMarked.TryGetValue(record.Id, out var marked) ? marked : record.LastUsedAt;
        if (last is not null && now - last.Value < LastUsedResolution)
        {
            return;
        }

        _lastMarked[record.Id] = now;
        await tokens.MarkUsedAsync(record.Id, now, cancellationToken);
    }
}
