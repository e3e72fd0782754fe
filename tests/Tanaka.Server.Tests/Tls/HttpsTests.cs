using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Tanaka.Server.Config;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Tls;

/// <summary>HTTPS over real TLS on loopback, with a test CA the client trusts.</summary>
public sealed class HttpsTests : IDisposable
{
    private readonly TestCertificateAuthority _ca = new();
    private readonly TempDirectory _dir = new();
    private readonly string _certPath;
    private readonly string _keyPath;

    public HttpsTests()
    {
        _certPath = _dir.File("fullchain.pem");
        _keyPath = _dir.File("privkey.pem");
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _ca.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task A_client_trusting_the_ca_gets_answers_over_https()
    {
        using var first = _ca.Issue("first");
        TestCertificateAuthority.WritePem(first, _certPath, _keyPath);
        await using var server = await StartAsync(new() { ["tls:hsts"] = "true" });
        X509Certificate2? served = null;
        using var client = server.CreateClient(TestCertificateAuthority.TrustingHandler(_ca.Root, c => served = c));

        using var response = await client.GetAsync("health", Cancel);

        server.BaseAddress.Scheme.ShouldBe("https");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        served!.Thumbprint.ShouldBe(first.Thumbprint);
        response.Headers.GetValues("Strict-Transport-Security").ShouldBe(["max-age=31536000"]);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_ca_cannot_connect()
    {
        using var certificate = _ca.Issue("untrusted");
        TestCertificateAuthority.WritePem(certificate, _certPath, _keyPath);
        await using var server = await StartAsync();
        using var otherCa = new TestCertificateAuthority();
        using var client = server.CreateClient(TestCertificateAuthority.TrustingHandler(otherCa.Root));

        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("health", Cancel));
    }

    [Theory]
    [InlineData(System.Security.Authentication.SslProtocols.Tls12)]
    [InlineData(System.Security.Authentication.SslProtocols.Tls13)]
    public async Task Tls_12_and_13_are_both_served(System.Security.Authentication.SslProtocols protocol)
    {
        using var certificate = _ca.Issue("protocols");
        TestCertificateAuthority.WritePem(certificate, _certPath, _keyPath);
        await using var server = await StartAsync();
        var handler = TestCertificateAuthority.TrustingHandler(_ca.Root);
        handler.SslOptions.EnabledSslProtocols = protocol;
        using var client = server.CreateClient(handler);

        using var response = await client.GetAsync("healthz", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Replacing_the_files_switches_the_served_certificate_without_a_restart()
    {
        using var first = _ca.Issue("first");
        using var renewed = _ca.Issue("renewed");
        TestCertificateAuthority.WritePem(first, _certPath, _keyPath);
        await using var server = await StartAsync();
        var services = server.Services;

        (await ServedThumbprint(server)).ShouldBe(first.Thumbprint);
        TestCertificateAuthority.WritePem(renewed, _certPath, _keyPath);
        var afterRenewal = await ServedThumbprint(server);

        afterRenewal.ShouldBe(renewed.Thumbprint);
        server.Services.ShouldBeSameAs(services, "the same server instance, not a restart");
        server.Logs.Entries.Count(e => e.Message.StartsWith("HTTPS certificate loaded", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task A_half_written_renewal_keeps_the_previous_certificate_until_the_pair_matches()
    {
        using var first = _ca.Issue("first");
        using var renewed = _ca.Issue("renewed");
        TestCertificateAuthority.WritePem(first, _certPath, _keyPath);
        await using var server = await StartAsync();
        (await ServedThumbprint(server)).ShouldBe(first.Thumbprint);

        // The new certificate is in place but its key is not yet: the pair does not match.
        TestCertificateAuthority.Replace(_certPath, renewed.ExportCertificatePem());
        var midRenewal = await ServedThumbprint(server);
        using (var key = renewed.GetECDsaPrivateKey()!)
        {
            TestCertificateAuthority.Replace(_keyPath, key.ExportPkcs8PrivateKeyPem());
        }

        var afterRenewal = await ServedThumbprint(server);

        midRenewal.ShouldBe(first.Thumbprint);
        afterRenewal.ShouldBe(renewed.Thumbprint);
        server.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("still serving the previous certificate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_http_to_the_https_port_gets_no_answer()
    {
        using var certificate = _ca.Issue("plain");
        TestCertificateAuthority.WritePem(certificate, _certPath, _keyPath);
        await using var server = await StartAsync();
        using var client = new HttpClient();
        var plain = new UriBuilder(server.BaseAddress) { Scheme = "http" }.Uri;

        var outcome = await Record.ExceptionAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri(plain, "health"), Cancel);
            response.IsSuccessStatusCode.ShouldBeFalse();
        });

        (outcome is null or HttpRequestException).ShouldBeTrue(outcome?.ToString());
    }

    [Fact]
    public async Task The_plain_http_port_redirects_to_https_when_configured()
    {
        using var certificate = _ca.Issue("redirect");
        TestCertificateAuthority.WritePem(certificate, _certPath, _keyPath);
        await using var server = await StartAsync(new() { ["tls:http_port"] = "0", ["tls:redirect_http"] = "true" });
        var httpAddress = server.Addresses.Single(a => a.Scheme == Uri.UriSchemeHttp);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var response = await client.PostAsync(new Uri(httpAddress, "health?x=1"), null, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.PermanentRedirect);
        response.Headers.Location.ShouldBe(new Uri(server.BaseAddress, "health?x=1"));
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS is only sent over HTTPS");
    }

    [Fact]
    public async Task Without_redirect_the_plain_http_port_serves_the_api()
    {
        using var certificate = _ca.Issue("both");
        TestCertificateAuthority.WritePem(certificate, _certPath, _keyPath);
        await using var server = await StartAsync(new() { ["tls:http_port"] = "0" });
        var httpAddress = server.Addresses.Single(a => a.Scheme == Uri.UriSchemeHttp);
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(httpAddress, "health"), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_certificate_close_to_expiry_gets_a_warning()
    {
        using var expiring = _ca.Issue("expiring", TimeSpan.FromDays(5));
        TestCertificateAuthority.WritePem(expiring, _certPath, _keyPath);

        await using var server = await StartAsync();

        server.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("CN=expiring expires", StringComparison.Ordinal));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_private_key_readable_by_others_gets_a_warning()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        using var certificate = _ca.Issue("open-key");
        TestCertificateAuthority.WritePem(certificate, _certPath, _keyPath);
        File.SetUnixFileMode(_keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var server = await StartAsync();

        server.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains(_keyPath, StringComparison.Ordinal) && e.Message.Contains("chmod 600", StringComparison.Ordinal));
        server.Logs.Entries.ShouldNotContain(e => e.Message.Contains("CN=open-key expires", StringComparison.Ordinal), "30 days left is no reason to warn");
    }

    [Fact]
    public async Task Missing_certificate_files_stop_the_start_with_the_keys_named()
    {
        var error = await Should.ThrowAsync<InvalidConfigurationException>(() => StartAsync());

        error.Message.ShouldContain("tls.cert_path");
        error.Message.ShouldContain(_certPath);
    }

    [Fact]
    public async Task A_key_that_does_not_match_the_certificate_stops_the_start()
    {
        using var certificate = _ca.Issue("one");
        using var other = _ca.Issue("other");
        TestCertificateAuthority.WritePem(certificate, _certPath, _keyPath);
        using (var key = other.GetECDsaPrivateKey()!)
        {
            TestCertificateAuthority.Replace(_keyPath, key.ExportPkcs8PrivateKeyPem());
        }

        var error = await Should.ThrowAsync<InvalidConfigurationException>(() => StartAsync());

        error.Message.ShouldContain("tls.key_path");
    }

    private Task<TanakaServer> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["tls:enabled"] = "true",
            ["tls:cert_path"] = _certPath,
            ["tls:key_path"] = _keyPath,
        };
        foreach (var (key, value) in extra ?? [])
        {
            config[key] = value;
        }

        return TanakaServer.StartAsync(config);
    }

    private async Task<string> ServedThumbprint(TanakaServer server)
    {
        X509Certificate2? served = null;
        using var client = server.CreateClient(TestCertificateAuthority.TrustingHandler(_ca.Root, c => served = c));
        using var response = await client.GetAsync("healthz", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return served!.Thumbprint;
    }
}
