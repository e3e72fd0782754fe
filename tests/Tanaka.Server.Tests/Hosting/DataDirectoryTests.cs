using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Hosting;

public sealed class DataDirectoryTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_new_data_directory_is_readable_by_its_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions; Windows uses the profile's ACLs");
        await using var server = await TanakaServer.StartAsync();

        var mode = File.GetUnixFileMode(server.DataDir);

        mode.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        server.Logs.Entries.ShouldNotContain(e => e.Level == LogLevel.Warning && e.Message.Contains("accessible by other users", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_data_directory_that_cannot_be_created_stops_the_start_naming_the_key()
    {
        using var dir = new TempDirectory();
        var blocker = dir.Write("not-a-directory", "a file where a parent directory should be");

        var error = await Should.ThrowAsync<Tanaka.Server.Config.InvalidConfigurationException>(
            () => TanakaServer.StartAsync(config: new Dictionary<string, string?> { ["server:data_dir"] = Path.Combine(blocker, "data") }));

        error.Message.ShouldContain("server.data_dir");
        error.Message.ShouldContain(blocker);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_data_directory_open_to_others_gets_a_start_up_warning()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions; Windows uses the profile's ACLs");
        using var dir = new TempDirectory();
        var dataDir = Path.Combine(dir.Path, "shared");
        Directory.CreateDirectory(dataDir);
        File.SetUnixFileMode(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await using var server = await TanakaServer.StartAsync(config: new Dictionary<string, string?> { ["server:data_dir"] = dataDir });

        var warning = server.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains(dataDir, StringComparison.Ordinal)).ShouldHaveSingleItem();
        warning.Message.ShouldContain("chmod 700");
        File.GetUnixFileMode(dataDir).HasFlag(UnixFileMode.OtherRead).ShouldBeTrue("the server warns but does not change permissions it did not set");
    }
}
