using System.Diagnostics;
using Tanaka.Server.Cli;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Cli;

public sealed class CliTests
{
    [Theory]
    [InlineData(new[] { "--server:port=70000" }, "server.port")]
    [InlineData(new[] { "serve", "--port", "70000" }, "server.port")]
    [InlineData(new[] { "serve", "--observability:log_format=xml" }, "observability.log_format")]
    [InlineData(new[] { "srve" }, "'srve' is not a command")]
    public async Task Bad_configuration_exits_with_code_2_and_a_message_without_a_stack_trace(string[] args, string expected)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await TanakaCli.InvokeAsync(args, output, error, TestContext.Current.CancellationToken);

        exitCode.ShouldBe(ExitCodes.InvalidConfiguration);
        error.ToString().ShouldContain(expected);
        error.ToString().ShouldStartWith("Invalid configuration");
        error.ToString().ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_broken_config_file_names_file_and_line()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("broken.toml", "[server]\nport = 1\nhost = \n");
        var error = new StringWriter();

        var exitCode = await TanakaCli.InvokeAsync(["--config", file], new StringWriter(), error, TestContext.Current.CancellationToken);

        exitCode.ShouldBe(ExitCodes.InvalidConfiguration);
        error.ToString().ShouldContain(file);
        error.ToString().ShouldContain("line 3");
    }

    [Fact]
    public async Task Help_lists_the_serve_command_and_the_config_option()
    {
        var output = new StringWriter();

        var exitCode = await TanakaCli.InvokeAsync(["--help"], output, new StringWriter(), TestContext.Current.CancellationToken);

        exitCode.ShouldBe(ExitCodes.Success);
        output.ToString().ShouldContain("serve");
        output.ToString().ShouldContain("--config");
    }

    [Fact]
    public async Task The_real_process_exits_non_zero_with_a_clear_message()
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "tanaka.dll");
        File.Exists(assembly).ShouldBeTrue($"{assembly} should be copied next to the tests by the project reference");
        using var dir = new TempDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly, "serve", "--server:port=99999" },
            WorkingDirectory = dir.Path,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        // The child must not pick up a configuration from the machine running the tests.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TANAKA_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(ExitCodes.InvalidConfiguration);
        stderr.ShouldContain("server.port: 99999 is out of range; allowed: 0 to 65535");
        stderr.ShouldNotContain("   at ");
        stderr.ShouldNotContain("Exception");
    }
}
