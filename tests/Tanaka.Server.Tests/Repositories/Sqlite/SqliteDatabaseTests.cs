using Microsoft.Data.Sqlite;
using Tanaka.Server.Repositories.Sqlite;

namespace Tanaka.Server.Tests.Repositories.Sqlite;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task The_writer_runs_in_WAL_mode_with_the_configured_pragmas()
    {
        using var db = new TempDatabase(path => new SqliteSettings(path, BusyTimeoutMs: 1234, CacheSizeKib: 2048, Synchronous: "normal", MmapSizeBytes: 1 << 20));

        var pragmas = await db.WriteAsync(ReadPragmas);

        pragmas.ShouldBe(new Pragmas("wal", Synchronous: 1, ForeignKeys: 1, BusyTimeout: 1234, CacheSize: -2048, MmapSize: 1 << 20));
    }

    [Fact]
    public async Task Readers_get_the_same_pragmas_and_cannot_write()
    {
        using var db = new TempDatabase(path => new SqliteSettings(path, BusyTimeoutMs: 777, CacheSizeKib: 1024, Synchronous: "full", MmapSizeBytes: 0));
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);

        var pragmas = await db.ReadAsync(ReadPragmas);

        pragmas.ShouldBe(new Pragmas("wal", Synchronous: 2, ForeignKeys: 1, BusyTimeout: 777, CacheSize: -1024, MmapSize: 0));
        var refused = await Should.ThrowAsync<SqliteException>(() => db.ReadAsync(session =>
        {
            session.ExecuteScript("INSERT INTO workspaces (id, created_at) VALUES ('x', 0)");
            return 0;
        }));
        refused.SqliteErrorCode.ShouldBe(8); // SQLITE_READONLY
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_new_database_file_and_its_wal_are_readable_by_the_owner_only()
    {
        using var db = new TempDatabase();
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);

        var path = Path.Combine(db.DataDir, Tanaka.Server.Config.DatabaseOptions.DefaultFileName);
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(path + "-wal").ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Commits_leave_checkpoints_to_the_background_and_a_checkpoint_copies_the_whole_wal()
    {
        using var db = new TempDatabase();
        var ct = TestContext.Current.CancellationToken;
        (await db.Database.CheckpointAsync(ct)).ShouldBe(new WalCheckpoint(false, 0, 0), "nothing written yet");
        await db.Migrator.MigrateAsync(ct);
        for (var i = 0; i < 50; i++)
        {
            await db.WriteAsync(session => session.InTransaction(s =>
            {
                s.ExecuteScript($"INSERT INTO workspaces (id, created_at) VALUES ('w{i}', {i})");
                return 0;
            }));
        }

        var autoCheckpoint = await db.WriteAsync(session =>
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint;";
            return (long)command.ExecuteScalar()!;
        });
        var checkpoint = await db.Database.CheckpointAsync(ct);
        var again = await db.Database.CheckpointAsync(ct);

        autoCheckpoint.ShouldBe(SqliteDatabase.WriterAutoCheckpointPages);
        checkpoint.Busy.ShouldBeFalse();
        checkpoint.WalPages.ShouldBeGreaterThan(50, "every commit appended at least one page");
        checkpoint.CheckpointedPages.ShouldBe(checkpoint.WalPages);
        again.CheckpointedPages.ShouldBe(again.WalPages);
        (await db.ReadAsync(session =>
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM workspaces;";
            return (long)command.ExecuteScalar()!;
        })).ShouldBe(50);
    }

    [Fact]
    public async Task Foreign_keys_are_enforced()
    {
        using var db = new TempDatabase();
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);

        var refused = await Should.ThrowAsync<SqliteException>(() => db.WriteAsync(session =>
        {
            session.ExecuteScript("INSERT INTO sync_state (workspace_id, device_id, last_clock, last_sync) VALUES ('no-such-workspace', 'd', 1, 0)");
            return 0;
        }));
        refused.SqliteExtendedErrorCode.ShouldBe(787); // SQLITE_CONSTRAINT_FOREIGNKEY
    }

    [Fact]
    public async Task A_statement_is_prepared_once_per_connection_and_reused()
    {
        using var db = new TempDatabase();

        var (first, second, other) = await db.WriteAsync(session =>
            (session.Statement("SELECT 1"), session.Statement("SELECT 1"), session.Statement("SELECT 2")));

        second.ShouldBeSameAs(first);
        other.ShouldNotBeSameAs(first);
    }

    [Fact]
    public async Task Readers_see_committed_data_only_while_a_write_is_open()
    {
        using var db = new TempDatabase();
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);

        var seenDuringWrite = await db.WriteAsync(session => session.InTransaction(s =>
        {
            s.ExecuteScript("INSERT INTO workspaces (id, created_at) VALUES ('pending', 0)");
            return db.ReadAsync(CountWorkspaces).GetAwaiter().GetResult();
        }));

        seenDuringWrite.ShouldBe(0);
        (await db.ReadAsync(CountWorkspaces)).ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_transaction_rolls_back_and_the_writer_stays_usable()
    {
        using var db = new TempDatabase();
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);

        await Should.ThrowAsync<InvalidOperationException>(() => db.WriteAsync<int>(session => session.InTransaction<int>(s =>
        {
            s.ExecuteScript("INSERT INTO workspaces (id, created_at) VALUES ('lost', 0)");
            throw new InvalidOperationException("boom");
        })));
        await db.WriteAsync(session => session.InTransaction(s =>
        {
            s.ExecuteScript("INSERT INTO workspaces (id, created_at) VALUES ('kept', 0)");
            return 0;
        }));

        (await db.ReadAsync(CountWorkspaces)).ShouldBe(1);
    }

    [Fact]
    public void An_unknown_synchronous_mode_is_refused_before_anything_opens()
    {
        var error = Should.Throw<ArgumentException>(() => new SqliteDatabase(new SqliteSettings("/tmp/never.db", Synchronous: "fast; DROP TABLE x")));

        error.Message.ShouldContain("database.synchronous");
    }

    [Fact]
    public async Task A_read_beyond_the_pool_size_waits_for_a_free_connection_and_reuses_it()
    {
        using var db = new TempDatabase(path => new SqliteSettings(path, ReaderConnections: 2));
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        using var gate = new ManualResetEventSlim();
        var inside = 0;

        SqliteSession HoldConnection(SqliteSession session)
        {
            Interlocked.Increment(ref inside);
            gate.Wait(TestContext.Current.CancellationToken);
            return session;
        }

        var holders = Enumerable.Range(0, 2)
            .Select(_ => Task.Factory.StartNew(() => db.ReadAsync(HoldConnection), TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap())
            .ToArray();
        SpinWait.SpinUntil(() => Volatile.Read(ref inside) == 2, TimeSpan.FromSeconds(30)).ShouldBeTrue();

        var third = Task.Run(() => db.ReadAsync(session => session), TestContext.Current.CancellationToken);
        // Bounded wait for the wrong outcome: with a free slot the third read would finish at once.
        await Task.WhenAny(third, Task.Delay(500, TestContext.Current.CancellationToken));
        third.IsCompleted.ShouldBeFalse();

        gate.Set();
        var held = await Task.WhenAll(holders);
        held.ShouldContain(await third);
        held[0].ShouldNotBeSameAs(held[1]);
    }

    private static long CountWorkspaces(SqliteSession session) =>
        session.Statement("SELECT count(*) FROM workspaces").ScalarInt64();

    private static Pragmas ReadPragmas(SqliteSession session)
    {
        string Text(string pragma)
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        long Number(string pragma) => long.Parse(Text(pragma), System.Globalization.CultureInfo.InvariantCulture);

        return new Pragmas(
            Text("journal_mode"),
            Number("synchronous"),
            Number("foreign_keys"),
            Number("busy_timeout"),
            Number("cache_size"),
            Number("mmap_size"));
    }

    private sealed record Pragmas(string JournalMode, long Synchronous, long ForeignKeys, long BusyTimeout, long CacheSize, long MmapSize);
}
