using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tanaka.Server.Config;
using Tanaka.Server.Repositories;
using Tanaka.Server.Services;

namespace Tanaka.Benchmarks;

/// <summary>
/// The server's own service wiring (<c>AddStorage</c>, optionally <c>AddSync</c>) on a SQLite file
/// in a fresh temporary directory, started the way the host starts it (migrations, clock), with
/// no HTTP and no background jobs (compaction stays off so runs are comparable).
/// </summary>
public sealed class ServerServices : IDisposable
{
    private readonly ServiceProvider _provider;

    private ServerServices(ServiceProvider provider, string dataDir)
    {
        _provider = provider;
        DataDir = dataDir;
    }

    public string DataDir { get; }

    public IServiceProvider Services => _provider;

    public static ServerServices Start(bool withSync)
    {
        var dataDir = Directory.CreateTempSubdirectory("tanaka-bench-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.Configure<ServerOptions>(o => o.DataDir = dataDir);
        // Benchmarks call as one device far faster than any browser would; the limit would only measure 429s.
        services.Configure<SyncOptions>(o => o.RateLimitRequests = int.MaxValue);
        services.AddStorage();
        if (withSync)
        {
            services.AddSync();
            // The sync service reports to the server's metrics (AddObservability registers them with
            // the OpenTelemetry exporters, which a benchmark does not want).
            services.AddSingleton<Tanaka.Server.Observability.TanakaMetrics>();
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        foreach (var startup in provider.GetServices<IHostedService>().OfType<StorageStartup>())
        {
            startup.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        return new ServerServices(provider, dataDir);
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose()
    {
        _provider.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
