using Tanaka.Server.Cli;
using Tanaka.Server.Config;
using Tanaka.Server.Repositories.Sqlite;
using Tanaka.Server.Repositories.Sqlite.Migrations;
using Tanaka.Server.Tests.Repositories.Sqlite;

namespace Tanaka.Server.Tests.Repositories;

public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _dataDir = SqliteStorageHarness.NewDataDir();

    [Fact]
    public async Task Migrate_creates_the_schema_then_reports_it_up_to_date()
    {
        var (exit, output, error) = await RunAsync("migrate", $"--server:data_dir={_dataDir}");

        exit.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain($"from schema version 0 to {SqliteMigrations.Latest}");
        foreach (var migration in SqliteMigrations.All)
        {
            output.ShouldContain($"{migration.Version:D3}_{migration.Name}");
        }

        var (again, secondOutput, _) = await RunAsync("migrate", $"--server:data_dir={_dataDir}");

        again.ShouldBe(ExitCodes.Success);
        secondOutput.ShouldContain($"is up to date (schema version {SqliteMigrations.Latest})");
    }

    [Fact]
    public async Task Migrate_refuses_a_database_from_a_newer_Tanaka_and_exits_non_zero()
    {
        (await RunAsync("migrate", $"--server:data_dir={_dataDir}")).Exit.ShouldBe(ExitCodes.Success);
        using (var db = new SqliteDatabase(new SqliteSettings(Path.Combine(_dataDir, DatabaseOptions.DefaultFileName))))
        {
            await db.WriteAsync(SqliteMigrations.Latest + 1, static (session, future) =>
            {
                session.ExecuteScript($"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({future}, 'from_the_future', 0)");
                return 0;
            }, TestContext.Current.CancellationToken);
        }

        var (exit, output, error) = await RunAsync("migrate", $"--server:data_dir={_dataDir}");

        exit.ShouldBe(ExitCodes.Failure);
        output.ShouldBeEmpty();
        error.ShouldContain($"schema version {SqliteMigrations.Latest + 1}");
        error.ShouldContain("Upgrade Tanaka");
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await TanakaCli.InvokeAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
