using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tanaka.Server.Config;
using Tanaka.Server.Domain;
using Tanaka.Server.Repositories;

namespace Tanaka.Server.Tests.Repositories.Sqlite;

/// <summary>
/// SQLite on a temp file of its own, wired exactly as the server wires it (<c>AddStorage</c>) and
/// started by the same start-up service, so migrations and clock recovery run as in production.
/// </summary>
internal sealed class SqliteStorageHarness : StorageHarness
{
    private ServiceProvider? _services;

    private SqliteStorageHarness(string dataDir) => DataDir = dataDir;

    public string DataDir { get; }

    public string DatabasePath => Path.Combine(DataDir, DatabaseOptions.DefaultFileName);

    public override IWorkspaceStore Store => Get<IWorkspaceStore>();

    public override ITabRepository Tabs => Get<ITabRepository>();

    public override IWindowRepository Windows => Get<IWindowRepository>();

    public override ISyncStateRepository SyncStates => Get<ISyncStateRepository>();

    public override ITokenRepository Tokens => Get<ITokenRepository>();

    public override IWorkspaceRepository Workspaces => Get<IWorkspaceRepository>();

    public override ISchemaMigrator Migrator => Get<ISchemaMigrator>();

    public override LamportClock Clock => Get<LamportClock>();

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not started.");

    public static string NewDataDir() =>
        Path.Combine(Path.GetTempPath(), "tanaka-tests", $"storage-{Guid.NewGuid():N}");

    /// <summary>Builds the services without starting them (no migration yet).</summary>
    public static SqliteStorageHarness Create(string? dataDir = null)
    {
        var harness = new SqliteStorageHarness(dataDir ?? NewDataDir());
        harness._services = harness.BuildServices();
        return harness;
    }

    public static async Task<SqliteStorageHarness> StartAsync(string? dataDir = null)
    {
        var harness = Create(dataDir);
        await harness.StartServicesAsync();
        return harness;
    }

    public async Task StartServicesAsync()
    {
        foreach (var service in Services.GetServices<IHostedService>().OfType<StorageStartup>())
        {
            await service.StartAsync(TestContext.Current.CancellationToken);
        }
    }

    public override async Task RestartAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _services = BuildServices();
        await StartServicesAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
            _services = null;
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    private ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<ServerOptions>(options => options.DataDir = DataDir);
        services.AddSingleton<ICommitProbe>(Faults);
        services.AddStorage();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
