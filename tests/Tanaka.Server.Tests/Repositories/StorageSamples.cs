using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;

namespace Tanaka.Server.Tests.Repositories;

/// <summary>Ready-made rows and commits. Times are whole milliseconds, the precision storage keeps.</summary>
internal static class StorageSamples
{
    public const string WorkspaceA = "ws-a";

    public const string WorkspaceB = "ws-b";

    public static readonly DateTimeOffset T0 = new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    public static Tab Tab(string id, string window = "w1", long index = 0, string? title = null, int seconds = 0) => new(
        id,
        window,
        $"https://example.com/{id}",
        title ?? $"Tab {id}",
        $"https://example.com/{id}/favicon.ico",
        index,
        Active: index == 0,
        Pinned: false,
        At(seconds));

    public static Window Window(string id, bool focused = false, string owner = "laptop", int seconds = 0) =>
        new(id, Tracked: true, focused, owner, At(seconds));

    /// <summary>An opaque update payload; storage never looks inside, so any bytes tell whether they come back intact.</summary>
    public static byte[] Update(int seed, int length = 24)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static WorkspaceCommit Commit(string device, byte[] update, string workspace = WorkspaceA, int seconds = 0) =>
        new(workspace, device, At(seconds)) { Update = update };

    public static WorkspaceCommit Commit(string device, int seed, string workspace = WorkspaceA, long observed = 0, int seconds = 0) =>
        new(workspace, device, At(seconds)) { Update = Update(seed), ObservedClock = observed };
}
