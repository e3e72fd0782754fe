using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tanaka.Server.Repositories.Sqlite.Migrations;

namespace Tanaka.Server.Tests.Repositories.Sqlite;

public sealed class DatabaseHealthCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_migrated_database_is_ready()
    {
        await using var storage = await SqliteStorageHarness.StartAsync();

        var entry = await CheckReadyAsync(storage);

        entry.Status.ShouldBe(HealthStatus.Healthy);
        entry.Description.ShouldBe($"schema version {SqliteMigrations.Latest}");
    }

    [Fact]
    public async Task A_database_not_yet_migrated_is_not_ready_and_says_what_to_run()
    {
        await using var storage = SqliteStorageHarness.Create();

        var entry = await CheckReadyAsync(storage);

        entry.Status.ShouldBe(HealthStatus.Unhealthy);
        entry.Description.ShouldBe($"schema version 0, expected {SqliteMigrations.Latest}: run 'tanaka migrate'");
    }

    [Fact]
    public async Task An_unreachable_database_is_not_ready()
    {
        await using var storage = SqliteStorageHarness.Create();
        // A file where the data directory should be: the database can be neither created nor opened.
        Directory.CreateDirectory(Path.GetDirectoryName(storage.DataDir)!);
        await File.WriteAllTextAsync(storage.DataDir, "not a directory", Ct);
        try
        {
            var entry = await CheckReadyAsync(storage);

            entry.Status.ShouldBe(HealthStatus.Unhealthy);
            entry.Description!.ShouldStartWith("database unreachable");
            entry.Description.ShouldNotContain(storage.DataDir);
        }
        finally
        {
            File.Delete(storage.DataDir);
        }
    }

    private static async Task<HealthReportEntry> CheckReadyAsync(SqliteStorageHarness storage)
    {
        var health = storage.Services.GetRequiredService<HealthCheckService>();
        var report = await health.CheckHealthAsync(check => check.Tags.Contains("ready"), Ct);
        report.Entries.Keys.ShouldContain("database");
        return report.Entries["database"];
    }
}
