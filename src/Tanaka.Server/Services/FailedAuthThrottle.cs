using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;

namespace Tanaka.Server.Services;

/// <summary>
/// Slows token guessing: a client address that presented <c>auth.max_failed_attempts_per_minute</c>
/// invalid tokens within a minute is refused (429) until the minute is over, valid token or not,
/// so the answers it gets meanwhile say nothing about its guesses.
/// </summary>
public sealed class FailedAuthThrottle : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _failures;

    public FailedAuthThrottle(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limiterOptions = new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.MaxFailedAttemptsPerMinute,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _failures = PartitionedRateLimiter.Create<string, string>(
            client => RateLimitPartition.GetFixedWindowLimiter(client, _ => limiterOptions),
            StringComparer.Ordinal);
    }

    /// <summary>True when the client used up its failed attempts; <paramref name="retryAfter"/> is when to try again.</summary>
    public bool IsBlocked(string client, out TimeSpan retryAfter)
    {
        // Asking for zero permits tests the window without using it.
        using var lease = _failures.AttemptAcquire(client, 0);
        retryAfter = lease.IsAcquired ? TimeSpan.Zero : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;
        return !lease.IsAcquired;
    }

    public void RecordFailure(string client) => _failures.AttemptAcquire(client).Dispose();

    public void Dispose() => _failures.Dispose();
}
