namespace Tanaka.Server.Services;

/// <summary>What a valid token opens: one workspace. <see cref="TokenId"/> is null for the configured <c>auth.token</c>.</summary>
public sealed record WorkspaceAccess(string WorkspaceId, long? TokenId, string TokenName);
