namespace Tanaka.Server.Services;

/// <summary>The outcome of checking a presented token; <see cref="Access"/> is set only when <see cref="Status"/> is <see cref="TokenStatus.Valid"/>.</summary>
public sealed record TokenCheck(TokenStatus Status, WorkspaceAccess? Access = null, long? TokenId = null)
{
    public static TokenCheck Unknown { get; } = new(TokenStatus.Unknown);
}

public enum TokenStatus
{
    Valid,

    /// <summary>No token has this value (mistyped, made up, or from another server).</summary>
    Unknown,

    /// <summary>The token existed and was revoked.</summary>
    Revoked,
}
