using Tanaka.Server.Config;

namespace Tanaka.Server.Tests.Config;

/// <summary>A bad value stops start-up with a message naming the full key and what is allowed.</summary>
public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("server:port", "70000", "server.port", "0 to 65535")]
    [InlineData("server:port", "-1", "server.port", "0 to 65535")]
    [InlineData("server:port", "abc", "server.port", "whole number")]
    [InlineData("server:host", "example.com", "server.host", "IP address")]
    [InlineData("server:request_timeout_seconds", "0", "server.request_timeout_seconds", "1 to 3600")]
    [InlineData("server:max_request_body_bytes", "10", "server.max_request_body_bytes", "1024 to")]
    [InlineData("server:data_dir", "", "server.data_dir", "must not be empty")]
    [InlineData("database:synchronous", "sometimes", "database.synchronous", "off, normal, full, extra")]
    [InlineData("database:reader_connections", "0", "database.reader_connections", "1 to 64")]
    [InlineData("database:busy_timeout_ms", "-5", "database.busy_timeout_ms", "0 to 600000")]
    [InlineData("auth:max_failed_attempts_per_minute", "0", "auth.max_failed_attempts_per_minute", "1 to 10000")]
    [InlineData("tls:enabled", "yes", "tls.enabled", "true or false")]
    [InlineData("tls:hsts", "true", "tls.hsts", "tls.enabled = true")]
    [InlineData("tls:redirect_http", "true", "tls.redirect_http", "tls.http_port")]
    [InlineData("sync:max_tabs", "0", "sync.max_tabs", "1 to 1000000")]
    [InlineData("sync:max_update_bytes", "8388608", "sync.max_update_bytes", "server.max_request_body_bytes")]
    [InlineData("sync:allowed_origins:0", "*", "sync.allowed_origins[0]", "wildcard")]
    [InlineData("sync:allowed_origins:0", "https://a.example/path", "sync.allowed_origins[0]", "path")]
    [InlineData("sync:allowed_origins:0", "", "sync.allowed_origins[0]", "is empty")]
    [InlineData("sync:allowed_origins:0", "tabs.example.com", "sync.allowed_origins[0]", "not an absolute origin")]
    [InlineData("sync:allowed_origins", "https://a.example", "sync.allowed_origins", "must be a list")]
    [InlineData("auth:token", "0123456789 abcdef-with-space", "auth.token", "whitespace")]
    [InlineData("cache:max_documents", "-1", "cache.max_documents", "0 to")]
    [InlineData("compaction:interval_seconds", "0", "compaction.interval_seconds", "1 to")]
    [InlineData("observability:log_format", "xml", "observability.log_format", "text, json")]
    [InlineData("observability:log_level", "loud", "observability.log_level", "trace, debug, information")]
    [InlineData("observability:otlp_endpoint", "localhost:4317", "observability.otlp_endpoint", "http://")]
    [InlineData("observability:metrics_enabled", "1", "observability.metrics_enabled", "true or false")]
    [InlineData("server:prot", "1", "server.prot", "known settings in [server]: host, port")]
    [InlineData("sever:port", "1", "sever", "known sections: server, database")]
    [InlineData("server", "1", "server", "is a section, not a value")]
    public void A_bad_value_is_reported_with_its_key_and_what_is_allowed(string key, string value, string expectedKey, string expectedHint)
    {
        var error = Should.Throw<InvalidConfigurationException>(() => ConfigurationBuilding.Build(args: [$"--{key}={value}"]));

        error.Errors.ShouldHaveSingleItem().ShouldStartWith(expectedKey + ":");
        error.Message.ShouldContain(expectedHint);
    }

    [Fact]
    public void A_misspelled_environment_variable_is_reported_not_ignored()
    {
        var env = new Dictionary<string, string?> { ["TANAKA_SERVER_PORT"] = "8443" };

        var error = Should.Throw<InvalidConfigurationException>(() => ConfigurationBuilding.Build(environment: env));

        error.Message.ShouldContain("server_port");
        error.Message.ShouldContain("TANAKA_SERVER__PORT");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Should.Throw<InvalidConfigurationException>(() => ConfigurationBuilding.Build(
            args: ["--server:port=70000", "--database:synchronous=never", "--cache:max_documents=-1"]));

        error.Errors.Count.ShouldBe(3);
        error.Message.ShouldContain("server.port");
        error.Message.ShouldContain("database.synchronous");
        error.Message.ShouldContain("cache.max_documents");
    }

    [Fact]
    public void A_short_shared_token_is_refused_without_echoing_it()
    {
        const string token = "short-secret";

        var error = Should.Throw<InvalidConfigurationException>(() => ConfigurationBuilding.Build(args: [$"--auth:token={token}"]));

        error.Message.ShouldContain("auth.token");
        error.Message.ShouldContain("at least 16 characters");
        error.Message.ShouldNotContain(token);
    }

    [Fact]
    public void Tls_needs_both_pem_files()
    {
        var error = Should.Throw<InvalidConfigurationException>(() => ConfigurationBuilding.Build(args: ["--tls:enabled=true"]));

        error.Errors.Count.ShouldBe(2);
        error.Errors.ShouldContain(e => e.StartsWith("tls.cert_path:", StringComparison.Ordinal) && e.Contains("PEM certificate", StringComparison.Ordinal));
        error.Errors.ShouldContain(e => e.StartsWith("tls.key_path:", StringComparison.Ordinal) && e.Contains("PEM private key", StringComparison.Ordinal));
    }

    [Fact]
    public void Any_free_port_cannot_be_combined_with_localhost()
    {
        var error = Should.Throw<InvalidConfigurationException>(() => ConfigurationBuilding.Build(args: ["--server:host=localhost", "--server:port=0"]));

        error.Message.ShouldContain("server.port");
        error.Message.ShouldContain("localhost");
    }

    [Fact]
    public void The_plain_http_port_must_differ_from_the_https_port()
    {
        var error = Should.Throw<InvalidConfigurationException>(() => ConfigurationBuilding.Build(
            args: ["--tls:enabled=true", "--tls:cert_path=c.pem", "--tls:key_path=k.pem", "--tls:http_port=3000"]));

        error.Errors.ShouldHaveSingleItem().ShouldStartWith("tls.http_port:");
    }

    [Theory]
    [InlineData("https://tabs.example.com")]
    [InlineData("http://192.168.1.10:8080")]
    [InlineData("moz-extension://0b9e4c5d-6f7a-4b8c-9d0e-1f2a3b4c5d6e")]
    public void Exact_origins_are_accepted(string origin)
    {
        var config = ConfigurationBuilding.Build(args: [$"--sync:allowed_origins:0={origin}"]);

        config.Bind<SyncOptions>(SyncOptions.Section).AllowedOrigins.ShouldBe([origin]);
    }

    [Fact]
    public void Choice_values_are_case_insensitive()
    {
        var config = ConfigurationBuilding.Build(args: ["--observability:log_format=JSON", "--database:synchronous=FULL", "--tls:enabled=False"]);

        config.Bind<ObservabilityOptions>(ObservabilityOptions.Section).LogFormat.ShouldBe("JSON");
    }
}
