using System.Net;
using System.Net.Sockets;
using Tanaka.Server.Cli;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Cli;

/// <summary><c>tanaka serve</c> through the real command line, in process.</summary>
public sealed class ServeCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_runs_until_shut_down_and_exits_0()
    {
        using var dir = new TempDirectory();
        var port = FreePort();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var run = TanakaCli.InvokeAsync(
            ["serve", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dir.File("data"), "--observability:log_level=warning"],
            new StringWriter(), new StringWriter(), stop.Token);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var answered = await WaitForLivenessAsync(client, run);
        await stop.CancelAsync();
        var exitCode = await run;

        answered.ShouldBeTrue("the server started and answered /healthz");
        exitCode.ShouldBe(ExitCodes.Success);
        Directory.Exists(dir.File("data")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_port_in_use_exits_1_with_a_message()
    {
        using var dir = new TempDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var error = new StringWriter();

        var exitCode = await TanakaCli.InvokeAsync(
            ["serve", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dir.File("data"), "--observability:log_level=none"],
            new StringWriter(), error, Cancel);

        exitCode.ShouldBe(ExitCodes.Failure);
        error.ToString().ShouldContain("cannot start");
        error.ToString().ShouldContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        error.ToString().ShouldNotContain("   at ");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls /healthz until it answers or the server task ends; no fixed delay decides the outcome.</summary>
    private static async Task<bool> WaitForLivenessAsync(HttpClient client, Task<int> run)
    {
        for (var attempt = 0; attempt < 300 && !run.IsCompleted; attempt++)
        {
            try
            {
                using var response = await client.GetAsync("healthz", Cancel);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, Cancel);
        }

        return false;
    }
}
