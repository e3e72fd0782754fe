using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tanaka.Server.Config;
using Tanaka.Server.Hosting;

namespace Tanaka.Server.Tests.Infrastructure;

/// <summary>
/// The real server (same wiring as <c>tanaka serve</c>) on Kestrel at 127.0.0.1 with a free port
/// and a fresh temporary data directory. Configuration comes only from the overrides given here:
/// the machine's TANAKA_ variables and any tanaka.toml are not read. Logs go to <see cref="Logs"/>
/// instead of the console.
/// </summary>
public sealed class TanakaServer : IAsyncDisposable
{
    private readonly string _root;
    private readonly Dictionary<string, string?> _config;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly Action<IEndpointRouteBuilder>? _configureEndpoints;
    private WebApplication? _app;

    private TanakaServer(
        IReadOnlyDictionary<string, string?>? config,
        Action<IServiceCollection>? configureServices,
        Action<IEndpointRouteBuilder>? configureEndpoints)
    {
        _root = Directory.CreateTempSubdirectory("tanaka-test-").FullName;
        _config = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["server:host"] = "127.0.0.1",
            ["server:port"] = "0",
            ["server:data_dir"] = Path.Combine(_root, "data"),
        };
        foreach (var (key, value) in config ?? new Dictionary<string, string?>())
        {
            _config[key.Replace('.', ':')] = value;
        }

        _configureServices = configureServices;
        _configureEndpoints = configureEndpoints;
    }

    /// <summary>Captured log entries of every start of this server.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The data directory (kept across <see cref="RestartAsync"/>, deleted on dispose).</summary>
    public string DataDir => Services.GetRequiredService<IOptions<ServerOptions>>().Value.ResolveDataDir();

    /// <summary>Where the API is served: the HTTPS address when TLS is on, else the only address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every address Kestrel listens on (with TLS and tls.http_port, the plain-HTTP one too).</summary>
    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    public IServiceProvider Services => App.Services;

    private WebApplication App => _app ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>Starts a server. <paramref name="config"/> keys are configuration paths (<c>sync:max_tabs</c> or <c>sync.max_tabs</c>).</summary>
    public static async Task<TanakaServer> StartAsync(
        IReadOnlyDictionary<string, string?>? config = null,
        Action<IServiceCollection>? configureServices = null,
        Action<IEndpointRouteBuilder>? configureEndpoints = null)
    {
        var server = new TanakaServer(config, configureServices, configureEndpoints);
        try
        {
            await server.StartCoreAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for this server; with <paramref name="token"/>, every request carries <c>Authorization: Bearer</c>.</summary>
    public HttpClient CreateClient(string? token = null) => CreateClient(new SocketsHttpHandler(), token);

    /// <summary>A client over the given handler (for example one that trusts a test certificate authority).</summary>
    public HttpClient CreateClient(HttpMessageHandler handler, string? token = null)
    {
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Stops the server and starts it again on the same data directory and port, as a process restart would.</summary>
    public async Task RestartAsync()
    {
        _config["server:port"] = BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await StopAsync();
        await StartCoreAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the OS temp cleaner will get it.
        }
    }

    private async Task StartCoreAsync()
    {
        var settings = new TanakaHostSettings
        {
            Configuration = new ConfigurationInputs
            {
                Environment = new Dictionary<string, string?>(),
                WorkingDirectory = _root,
                Overrides = _config,
            },
            ConfigureServices = services =>
            {
                services.RemoveAll<ILoggerProvider>();
                services.AddSingleton<ILoggerProvider>(Logs);
                _configureServices?.Invoke(services);
            },
            ConfigureEndpoints = _configureEndpoints,
        };
        var app = TanakaApp.Build(settings);
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        _app = app;
        Addresses = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.EndsWith('/') ? a : a + "/"))];
        BaseAddress = Addresses.FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttps) ?? Addresses[0];
    }

    private async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
