using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;
using Tanaka.Server.Errors;

namespace Tanaka.Server.Services;

/// <summary>
/// At most <c>sync.rate_limit_requests</c> syncs per device per <c>sync.rate_limit_window_seconds</c>
/// (a fixed window per workspace and device), so one runaway device cannot starve its workspace.
/// </summary>
public sealed class DeviceRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(string WorkspaceId, string DeviceId)> _limiter;
    private readonly TimeSpan _window;

    public DeviceRateLimiter(IOptions<SyncOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sync = options.Value;
        _window = TimeSpan.FromSeconds(sync.RateLimitWindowSeconds);
        var limiterOptions = new FixedWindowRateLimiterOptions
        {
            PermitLimit = sync.RateLimitRequests,
            Window = _window,
            QueueLimit = 0,
            // The partitioned limiter replenishes all windows from one timer and drops idle ones.
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<(string WorkspaceId, string DeviceId), (string, string)>(
            key => RateLimitPartition.GetFixedWindowLimiter(key, _ => limiterOptions));
    }

    /// <summary>Counts one sync of the device, or throws <c>rate_limited</c> (429 with Retry-After) when its window is used up.</summary>
    public void Admit(string workspaceId, string deviceId)
    {
        using var lease = _limiter.AttemptAcquire((workspaceId, deviceId));
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _window;
            throw new AppException(new AppError.RateLimited(
                $"Device '{deviceId}' sent more syncs than allowed (sync.rate_limit_requests per sync.rate_limit_window_seconds); retry later.",
                retryAfter));
        }
    }

    public void Dispose() => _limiter.Dispose();
}
