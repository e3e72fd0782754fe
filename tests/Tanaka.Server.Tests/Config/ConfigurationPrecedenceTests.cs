using Tanaka.Server.Config;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Config;

public sealed class ConfigurationPrecedenceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Without_sources_the_defaults_apply()
    {
        var server = ConfigurationBuilding.Build().Bind<ServerOptions>(ServerOptions.Section);

        server.Host.ShouldBe("127.0.0.1");
        server.Port.ShouldBe(3000);
        server.DataDir.ShouldBe("data");
    }

    [Fact]
    public void Each_source_overrides_the_ones_before_it()
    {
        var toml = _dir.Write("tanaka.toml", """
            [server]
            port = 1111
            host = "0.0.0.0"
            data_dir = "from-toml"
            """);
        var env = new Dictionary<string, string?> { ["TANAKA_SERVER__PORT"] = "2222", ["TANAKA_SERVER__HOST"] = "::1" };
        string[] args = ["--server:port=3333"];

        // Every layer present: args win for port, env wins for host, TOML still supplies data_dir.
        var all = ConfigurationBuilding.Build(_dir.Path, env, args).Bind<ServerOptions>(ServerOptions.Section);
        all.Port.ShouldBe(3333);
        all.Host.ShouldBe("::1");
        all.DataDir.ShouldBe("from-toml");

        var withoutArgs = ConfigurationBuilding.Build(_dir.Path, env).Bind<ServerOptions>(ServerOptions.Section);
        withoutArgs.Port.ShouldBe(2222);

        var tomlOnly = ConfigurationBuilding.Build(_dir.Path).Bind<ServerOptions>(ServerOptions.Section);
        tomlOnly.Port.ShouldBe(1111);
        tomlOnly.Host.ShouldBe("0.0.0.0");

        File.Delete(toml);
        ConfigurationBuilding.Build(_dir.Path).Bind<ServerOptions>(ServerOptions.Section).Port.ShouldBe(3000);
    }

    [Fact]
    public void Environment_variables_use_the_prefix_and_double_underscore_nesting()
    {
        var env = new Dictionary<string, string?>
        {
            ["TANAKA_DATABASE__BUSY_TIMEOUT_MS"] = "1234",
            ["TANAKA_DATABASE__PATH"] = "/srv/tanaka/t.db",
            ["TANAKA_AUTH__TOKEN"] = "0123456789abcdef-token",
            ["TANAKA_SYNC__ALLOWED_ORIGINS__0"] = "https://a.example",
            ["TANAKA_SYNC__ALLOWED_ORIGINS__1"] = "https://b.example",
            ["DATABASE__BUSY_TIMEOUT_MS"] = "9", // no prefix: not ours
        };

        var config = ConfigurationBuilding.Build(environment: env);

        config.Bind<DatabaseOptions>(DatabaseOptions.Section).BusyTimeoutMs.ShouldBe(1234);
        config.Bind<DatabaseOptions>(DatabaseOptions.Section).Path.ShouldBe("/srv/tanaka/t.db");
        config.Bind<AuthOptions>(AuthOptions.Section).Token.ShouldBe("0123456789abcdef-token");
        config.Bind<SyncOptions>(SyncOptions.Section).AllowedOrigins.ShouldBe(["https://a.example", "https://b.example"]);
    }

    [Fact]
    public void Command_line_accepts_full_keys_and_short_switches()
    {
        var config = ConfigurationBuilding.Build(args: ["--database:busy_timeout_ms=77", "--port", "8443", "--host=::", "--data-dir", "/tmp/x"]);

        config.Bind<DatabaseOptions>(DatabaseOptions.Section).BusyTimeoutMs.ShouldBe(77);
        var server = config.Bind<ServerOptions>(ServerOptions.Section);
        server.Port.ShouldBe(8443);
        server.Host.ShouldBe("::");
        server.DataDir.ShouldBe("/tmp/x");
    }

    [Fact]
    public void The_config_file_comes_from_the_switch_then_the_variable_then_the_working_directory()
    {
        var fromSwitch = _dir.Write("switch.toml", "[server]\nport = 1001\n");
        var fromVariable = _dir.Write("variable.toml", "[server]\nport = 1002\n");
        _dir.Write("tanaka.toml", "[server]\nport = 1003\n");
        var env = new Dictionary<string, string?> { ["TANAKA_CONFIG"] = fromVariable };

        Port(ConfigurationBuilding.Build(_dir.Path, env, configPath: fromSwitch)).ShouldBe(1001);
        Port(ConfigurationBuilding.Build(_dir.Path, env, args: ["--config", fromSwitch])).ShouldBe(1001);
        Port(ConfigurationBuilding.Build(_dir.Path, env, args: [$"--config={fromSwitch}"])).ShouldBe(1001);
        Port(ConfigurationBuilding.Build(_dir.Path, env)).ShouldBe(1002);
        Port(ConfigurationBuilding.Build(_dir.Path)).ShouldBe(1003);

        static int Port(Microsoft.Extensions.Configuration.IConfiguration c) => c.Bind<ServerOptions>(ServerOptions.Section).Port;
    }

    [Fact]
    public void A_named_config_file_that_does_not_exist_is_an_error_naming_it()
    {
        var missing = _dir.File("missing.toml");

        var fromSwitch = Should.Throw<InvalidConfigurationException>(() => ConfigurationBuilding.Build(_dir.Path, configPath: missing));
        fromSwitch.Message.ShouldContain(missing);
        fromSwitch.Message.ShouldContain("--config");

        var fromVariable = Should.Throw<InvalidConfigurationException>(
            () => ConfigurationBuilding.Build(_dir.Path, new Dictionary<string, string?> { ["TANAKA_CONFIG"] = missing }));
        fromVariable.Message.ShouldContain("TANAKA_CONFIG");
    }

    [Fact]
    public void Relative_config_paths_resolve_against_the_working_directory()
    {
        _dir.Write("custom.toml", "[cache]\nmax_documents = 7\n");

        var config = ConfigurationBuilding.Build(_dir.Path, configPath: "custom.toml");

        config.Bind<CacheOptions>(CacheOptions.Section).MaxDocuments.ShouldBe(7);
    }

    [Fact]
    public void Database_path_defaults_to_a_file_in_the_data_directory()
    {
        var server = new ServerOptions { DataDir = _dir.Path };

        new DatabaseOptions().ResolvePath(server).ShouldBe(Path.Combine(_dir.Path, "tanaka.db"));
        new DatabaseOptions { Path = _dir.File("other.db") }.ResolvePath(server).ShouldBe(_dir.File("other.db"));
    }
}
