using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;
using Tanaka.Server.Repositories.Sqlite.Migrations;

namespace Tanaka.Server.Tests.Repositories.Sqlite;

public sealed class SqliteMigrationTests : IDisposable
{
    /// <summary>
    /// Rows a database of each version can hold, written with that version's SQL. An upgrade test
    /// seeds every script up to the version it starts from and reads them back through the repositories.
    /// </summary>
    private static readonly Dictionary<int, string> Seeds = new()
    {
        [1] = """
            INSERT INTO workspaces (id, created_at) VALUES ('ws-a', 1000);
            INSERT INTO update_log (clock, workspace_id, device_id, update_bytes, created_at) VALUES (41, 'ws-a', 'laptop', x'0102', 2000);
            INSERT INTO snapshots (workspace_id, state, state_vector, clock, created_at) VALUES ('ws-a', x'0a0b', x'00', 40, 1500);
            INSERT INTO tabs (workspace_id, id, window_id, url, title, fav_icon_url, tab_index, active, pinned, updated_at, clock, device_id)
                VALUES ('ws-a', 't1', 'w1', 'https://a.example', 'A', NULL, 0, 1, 0, 2000, 41, 'laptop');
            INSERT INTO windows (workspace_id, id, tracked, focused, owner_device_id, updated_at, clock, device_id)
                VALUES ('ws-a', 'w1', 1, 1, 'laptop', 2000, 41, 'laptop');
            INSERT INTO sync_state (workspace_id, device_id, last_clock, last_sync) VALUES ('ws-a', 'laptop', 41, 2000);
            """,
        [2] = """
            INSERT INTO tokens (name, workspace_id, token_hash, created_at) VALUES ('old', 'ws-a', zeroblob(32), 3000);
            """,
    };

    private readonly TempDatabase _db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int> EarlierVersions => new(Enumerable.Range(0, SqliteMigrations.Latest));

    [Fact]
    public void Migrations_are_numbered_from_one_without_gaps_and_every_version_has_a_seed()
    {
        SqliteMigrations.All.Select(m => m.Version).ShouldBe(Enumerable.Range(1, SqliteMigrations.All.Count));
        SqliteMigrations.All.Select(m => m.Name).ShouldBeUnique();
        Seeds.Keys.Order().ShouldBe(Enumerable.Range(1, SqliteMigrations.Latest));
    }

    [Fact]
    public async Task An_empty_database_is_migrated_to_the_latest_version_and_records_it()
    {
        var report = await _db.Migrator.MigrateAsync(Ct);

        report.FromVersion.ShouldBe(0);
        report.ToVersion.ShouldBe(SqliteMigrations.Latest);
        report.Applied.ShouldBe(SqliteMigrations.All.Select(m => $"{m.Version:D3}_{m.Name}"));
        (await _db.Migrator.GetStatusAsync(Ct)).ShouldBe(new SchemaStatus(SqliteMigrations.Latest, SqliteMigrations.Latest));
        var recorded = await _db.ReadAsync(session =>
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "SELECT group_concat(version || ':' || name, ',') FROM (SELECT * FROM schema_migrations ORDER BY version)";
            return (string)command.ExecuteScalar()!;
        });
        recorded.ShouldBe(string.Join(',', SqliteMigrations.All.Select(m => $"{m.Version}:{m.Name}")));
    }

    [Fact]
    public async Task A_database_never_migrated_reports_version_zero()
    {
        (await _db.Migrator.GetStatusAsync(Ct)).ShouldBe(new SchemaStatus(0, SqliteMigrations.Latest));
    }

    [Fact]
    public async Task Migrating_a_current_database_applies_nothing()
    {
        await _db.Migrator.MigrateAsync(Ct);
        var schema = await _db.SchemaAsync();

        var again = await _db.Migrator.MigrateAsync(Ct);

        again.ShouldBe(new MigrationReport(SqliteMigrations.Latest, SqliteMigrations.Latest, []), new MigrationReportComparer());
        (await _db.SchemaAsync()).ShouldBe(schema);
    }

    [Theory]
    [MemberData(nameof(EarlierVersions))]
    public async Task From_each_earlier_version_the_data_survives_and_the_schema_equals_a_fresh_one(int version)
    {
        await _db.Migrator.MigrateToAsync(version, Ct);
        foreach (var seed in Seeds.Where(s => s.Key <= version).OrderBy(s => s.Key))
        {
            await _db.WriteAsync(session =>
            {
                session.ExecuteScript(seed.Value);
                return 0;
            });
        }

        var report = await _db.Migrator.MigrateAsync(Ct);

        report.FromVersion.ShouldBe(version);
        report.ToVersion.ShouldBe(SqliteMigrations.Latest);
        using (var fresh = new TempDatabase())
        {
            await fresh.Migrator.MigrateAsync(Ct);
            (await _db.SchemaAsync()).ShouldBe(await fresh.SchemaAsync());
        }

        _db.Database.Dispose();
        await using var storage = await SqliteStorageHarness.StartAsync(_db.DataDir);
        if (version >= 1)
        {
            var stored = await storage.Store.LoadAsync("ws-a", Ct);
            stored.Snapshot!.State.ShouldBe(new byte[] { 0x0a, 0x0b });
            stored.Log.Single().ShouldBeEquivalentTo(new UpdateLogEntry("ws-a", 41, "laptop", [1, 2], DateTimeOffset.FromUnixTimeMilliseconds(2000)));
            (await storage.Tabs.GetAsync("ws-a", "t1", Ct))!.Tab.Url.ShouldBe("https://a.example");
            (await storage.Windows.GetAsync("ws-a", "w1", Ct))!.Window.OwnerDeviceId.ShouldBe("laptop");
            (await storage.SyncStates.GetAsync("ws-a", "laptop", Ct))!.LastClock.ShouldBe(41);
            storage.Clock.Current.ShouldBe(41);
        }

        if (version >= 2)
        {
            (await storage.Tokens.FindByHashAsync(new byte[TokenHash.Length], Ct))!.Name.ShouldBe("old");
        }

        (await storage.Store.CommitAsync(StorageSamples.Commit("laptop", 1, "ws-a"), Ct)).Clock.ShouldBe(version >= 1 ? 42 : 1);
        (await storage.Tokens.CreateAsync("new", "ws-a", TokenHash.Of("new"), StorageSamples.At(1), Ct)).Name.ShouldBe("new");
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_message_that_says_what_to_do()
    {
        await _db.Migrator.MigrateAsync(Ct);
        var future = SqliteMigrations.Latest + 1;
        await _db.WriteAsync(session =>
        {
            session.ExecuteScript($"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({future}, 'from_the_future', 0)");
            return 0;
        });
        var schema = await _db.SchemaAsync();

        var refused = await Should.ThrowAsync<SchemaTooNewException>(() => _db.Migrator.MigrateAsync(Ct));

        refused.DatabaseVersion.ShouldBe(future);
        refused.SupportedVersion.ShouldBe(SqliteMigrations.Latest);
        refused.Message.ShouldContain(_db.Database.Path);
        refused.Message.ShouldContain($"schema version {future}");
        refused.Message.ShouldContain($"supports up to version {SqliteMigrations.Latest}");
        refused.Message.ShouldContain("Upgrade Tanaka");
        (await _db.Migrator.GetStatusAsync(Ct)).IsTooNew.ShouldBeTrue();
        (await _db.SchemaAsync()).ShouldBe(schema);

        _db.Database.Dispose();
        await using var storage = SqliteStorageHarness.Create(_db.DataDir);
        await Should.ThrowAsync<SchemaTooNewException>(storage.StartServicesAsync);
    }

    [Fact]
    public async Task Start_up_migrates_an_empty_data_directory()
    {
        await using var storage = SqliteStorageHarness.Create();
        File.Exists(storage.DatabasePath).ShouldBeFalse();

        await storage.StartServicesAsync();

        (await storage.Migrator.GetStatusAsync(Ct)).IsCurrent.ShouldBeTrue();
    }

    public void Dispose() => _db.Dispose();

    private sealed class MigrationReportComparer : IEqualityComparer<MigrationReport>
    {
        public bool Equals(MigrationReport? x, MigrationReport? y) =>
            x is not null && y is not null && x.FromVersion == y.FromVersion && x.ToVersion == y.ToVersion && x.Applied.SequenceEqual(y.Applied);

        public int GetHashCode(MigrationReport obj) => obj.ToVersion;
    }
}
