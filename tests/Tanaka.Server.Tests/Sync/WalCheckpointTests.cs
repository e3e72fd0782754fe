using System.Buffers.Binary;
using Tanaka.Server.Config;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Sync;

/// <summary>The running server folds the WAL into the database file in the background, not only when a commit fills it.</summary>
public sealed class WalCheckpointTests
{
    private const string Token = "wal-checkpoint-token";

    [Fact]
    public async Task Synced_changes_reach_the_database_file_without_a_commit_checkpointing()
    {
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?> { ["auth.token"] = Token });
        using var client = server.CreateClient(Token);
        using var device = new TestDevice(client, "device");
        var path = Path.Combine(server.DataDir, DatabaseOptions.DefaultFileName);
        device.SetTab("a", "https://a.example/", "A", 0);
        await device.SyncAsync();
        var before = await ChangeCounterAfterCheckpointsAsync(path, null);

        // A handful of commits: far fewer WAL pages than make a commit checkpoint by itself.
        for (var i = 0; i < 5; i++)
        {
            device.SetTabField("a", "title", $"A, visit {i}");
            await device.SyncAsync();
        }

        var after = await ChangeCounterAfterCheckpointsAsync(path, before);

        after.ShouldNotBe(before, "a background checkpoint copied the new pages into the database file");
    }

    /// <summary>
    /// The database header's change counter (bytes 24-27), which in WAL mode changes in the file
    /// only when a checkpoint writes page 1. Waits (up to 15 s, a bound for a stalled machine, not
    /// a timing claim) until it differs from <paramref name="previous"/>.
    /// </summary>
    private static async Task<uint> ChangeCounterAfterCheckpointsAsync(string path, uint? previous)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var counter = ReadChangeCounter(path);
            if ((previous is null && counter != 0) || (previous is not null && counter != previous) || DateTime.UtcNow > deadline)
            {
                return counter;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static uint ReadChangeCounter(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[28];
        return file.Read(header, 0, header.Length) == header.Length ? BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(24)) : 0;
    }
}
