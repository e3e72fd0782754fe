using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Tanaka.Server.Observability;

/// <summary>
/// The server's spans (ActivitySource <c>Tanaka.Server</c>): the steps of a sync, as children of
/// the request span that ASP.NET Core starts. A span exists only while something listens (OTLP
/// export, a test's listener), so the calls cost nearly nothing otherwise.
/// </summary>
public static class SyncTracing
{
    public const string SourceName = "Tanaka.Server";

    public const string Decode = "sync.decode";
    public const string Merge = "sync.merge";
    public const string Validate = "sync.validate";
    public const string Persist = "sync.persist";
    public const string Diff = "sync.diff";

    /// <summary>Attribute names; workspace ids are sent hashed since they may name a person.</summary>
    public const string WorkspaceHashTag = "tanaka.workspace.hash";
    public const string DeviceIdTag = "tanaka.device.id";
    public const string BytesTag = "tanaka.bytes";
    public const string ClockTag = "tanaka.clock";
    public const string ChangedTag = "tanaka.changed";
    public const string OutcomeTag = "tanaka.outcome";

    public static ActivitySource Source { get; } = new(SourceName, typeof(SyncTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Starts a child span of the current one, or returns null when nobody listens.</summary>
    public static Activity? Start(string name) => Source.StartActivity(name, ActivityKind.Internal);

    /// <summary>Names the workspace and device on the request span, so every sync trace can be found by device.</summary>
    public static void Describe(string workspaceId, string deviceId)
    {
        if (Activity.Current is { IsAllDataRequested: true } request)
        {
            request.SetTag(WorkspaceHashTag, HashWorkspace(workspaceId));
            request.SetTag(DeviceIdTag, deviceId);
        }
    }

    /// <summary>The first 16 hex digits of the workspace id's SHA-256: stable for correlation, not reversible.</summary>
    public static string HashWorkspace(string workspaceId)
    {
        ArgumentNullException.ThrowIfNull(workspaceId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(workspaceId), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
