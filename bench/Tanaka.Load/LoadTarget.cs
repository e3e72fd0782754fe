using System.Net;

namespace Tanaka.Load;

/// <summary>The server a run loads: its root URL, the token that opens a workspace, and, when known, its process id (for CPU and memory).</summary>
public sealed record LoadTarget(Uri BaseAddress, string Token, int? ServerProcessId)
{
    /// <summary>The harness only ever talks to this machine: a mistyped URL must not load someone's server.</summary>
    public void EnsureLoopback()
    {
        var host = BaseAddress.IdnHost;
        var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            throw new ArgumentException($"The load harness only targets loopback addresses; '{BaseAddress}' is not one.");
        }
    }
}
