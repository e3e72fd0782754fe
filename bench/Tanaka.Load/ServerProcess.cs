using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Tanaka.Client;

namespace Tanaka.Load;

/// <summary>
/// A Tanaka server started as a child process (<c>dotnet tanaka.dll</c>) on 127.0.0.1 with a free
/// port, a temporary data directory and a random token, configured only through <c>TANAKA_</c>
/// environment variables. Disposing stops it (SIGTERM, then kill) and deletes the directory.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private const int OutputLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ServerProcess(Process process, Uri baseAddress, string token, string dataDir)
    {
        _process = process;
        BaseAddress = baseAddress;
        Token = token;
        DataDir = dataDir;
    }

    public Uri BaseAddress { get; }

    public string Token { get; }

    public string DataDir { get; }

    public int ProcessId => _process.Id;

    public LoadTarget Target => new(BaseAddress, Token, ProcessId);

    /// <summary>The last lines the server wrote (stdout and stderr), for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>Where the harness expects the server: built with it and copied next to it.</summary>
    public static string DefaultServerDll => Path.Combine(AppContext.BaseDirectory, "tanaka.dll");

    public static async Task<ServerProcess> StartAsync(ServerProcessOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var dll = options.ServerDll ?? DefaultServerDll;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The server is not at {dll}; build bench/Tanaka.Load (it builds src/Tanaka.Server with it) or pass --server-dll.", dll);
        }

        var dataDir = Directory.CreateTempSubdirectory("tanaka-load-").FullName;
        var token = "load-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("serve");
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TANAKA_", StringComparison.Ordinal) || IsGcSetting(k)).ToList())
        {
            // Only what this harness sets: a developer's own TANAKA_ settings must not change the
            // measurement, and GC settings meant for the load generator must not reach the server,
            // which runs with its own runtime configuration.
            start.Environment.Remove(name);
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TANAKA_SERVER__HOST"] = "127.0.0.1",
            ["TANAKA_SERVER__PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TANAKA_SERVER__DATA_DIR"] = Path.Combine(dataDir, "data"),
            ["TANAKA_AUTH__TOKEN"] = token,
            ["TANAKA_OBSERVABILITY__LOG_LEVEL"] = options.LogLevel,
            // The harness measures the sync path; the per-device limit (600 a minute by default) would turn a burst into 429s.
            ["TANAKA_SYNC__RATE_LIMIT_REQUESTS"] = "1000000",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Start();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"), token, dataDir);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(options.StartTimeout, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM lets the host shut down cleanly (checkpoint the WAL, finish requests).
            if (!OperatingSystem.IsWindows() && Kill(_process.Id, SigTerm) == 0)
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }

            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var client = new TanakaClient(http);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was ready:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                if (await client.IsReadyAsync(cancellationToken))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"The server was not ready within {timeout.TotalSeconds:0} s:{Environment.NewLine}{RecentOutput}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>A port nobody listens on right now (the server binds it moments later; a clash fails start-up loudly).</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private static bool IsGcSetting(string name) =>
        (name.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("COMPlus_", StringComparison.OrdinalIgnoreCase))
        && name.AsSpan(name.IndexOf('_') + 1).StartsWith("gc", StringComparison.OrdinalIgnoreCase);
}
