namespace Tanaka.Server.Domain;

/// <summary>What one user's tokens give access to: one Yjs document with its log, snapshot and materialized rows.</summary>
public sealed record Workspace(string Id, DateTimeOffset CreatedAt)
{
    /// <summary>The workspace the configured shared token opens (a personal server has only this one).</summary>
    public const string DefaultId = "default";
}
