namespace Tanaka.Server.Services;

/// <summary>Merges a device's changes into its workspace document and answers with what the device lacks.</summary>
public interface ISyncService
{
    /// <summary>
    /// Throws <see cref="Errors.AppException"/> with <c>invalid_update</c>, <c>domain_rule_violated</c>
    /// or <c>rate_limited</c>; on any failure nothing of the request is stored.
    /// </summary>
    Task<SyncResult> SyncAsync(string workspaceId, SyncRequest request, CancellationToken cancellationToken = default);
}
