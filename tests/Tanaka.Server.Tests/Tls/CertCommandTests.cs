using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using Tanaka.Server.Cli;
using Tanaka.Server.Tests.Infrastructure;

namespace Tanaka.Server.Tests.Tls;

public sealed class CertCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Creates_a_pem_pair_naming_every_host()
    {
        var output = new StringWriter();

        var exitCode = await TanakaCli.InvokeAsync(["cert", "create", "--out", _dir.Path, "--host", "tabs.lan", "--host", "192.168.1.20", "--days", "30"], output, new StringWriter(), Cancel);

        exitCode.ShouldBe(ExitCodes.Success);
        using var certificate = X509Certificate2.CreateFromPemFile(_dir.File("cert.pem"), _dir.File("key.pem"));
        certificate.HasPrivateKey.ShouldBeTrue();
        certificate.MatchesHostname("tabs.lan").ShouldBeTrue();
        certificate.MatchesHostname("192.168.1.20").ShouldBeTrue();
        certificate.MatchesHostname("other.lan").ShouldBeFalse();
        (certificate.NotAfter - certificate.NotBefore).TotalDays.ShouldBeInRange(30, 31);
        output.ToString().ShouldContain(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
        output.ToString().ShouldContain("enabled = true");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_private_key_is_readable_by_its_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");

        await TanakaCli.InvokeAsync(["cert", "create", "--out", _dir.Path], new StringWriter(), new StringWriter(), Cancel);

        File.GetUnixFileMode(_dir.File("key.pem")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Existing_files_are_kept_unless_forced()
    {
        await TanakaCli.InvokeAsync(["cert", "create", "--out", _dir.Path], new StringWriter(), new StringWriter(), Cancel);
        var original = await File.ReadAllTextAsync(_dir.File("cert.pem"), Cancel);
        var error = new StringWriter();

        var refused = await TanakaCli.InvokeAsync(["cert", "create", "--out", _dir.Path], new StringWriter(), error, Cancel);
        var unchanged = await File.ReadAllTextAsync(_dir.File("cert.pem"), Cancel);
        var forced = await TanakaCli.InvokeAsync(["cert", "create", "--out", _dir.Path, "--force"], new StringWriter(), new StringWriter(), Cancel);

        refused.ShouldBe(ExitCodes.Failure);
        error.ToString().ShouldContain("--force");
        unchanged.ShouldBe(original);
        forced.ShouldBe(ExitCodes.Success);
        (await File.ReadAllTextAsync(_dir.File("cert.pem"), Cancel)).ShouldNotBe(original);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    public async Task A_validity_out_of_range_is_refused(string days)
    {
        var error = new StringWriter();

        var exitCode = await TanakaCli.InvokeAsync(["cert", "create", "--out", _dir.Path, "--days", days], new StringWriter(), error, Cancel);

        exitCode.ShouldBe(ExitCodes.InvalidConfiguration);
        error.ToString().ShouldContain("--days");
        File.Exists(_dir.File("cert.pem")).ShouldBeFalse();
    }

    [Fact]
    public async Task Defaults_to_the_tls_folder_of_the_configured_data_directory()
    {
        var dataDir = _dir.File("data");

        var exitCode = await TanakaCli.InvokeAsync(["cert", "create", $"--server:data_dir={dataDir}"], new StringWriter(), new StringWriter(), Cancel);

        exitCode.ShouldBe(ExitCodes.Success);
        File.Exists(Path.Combine(dataDir, "tls", "cert.pem")).ShouldBeTrue();
        File.Exists(Path.Combine(dataDir, "tls", "key.pem")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_server_serves_the_created_certificate()
    {
        await TanakaCli.InvokeAsync(["cert", "create", "--out", _dir.Path, "--host", "127.0.0.1"], new StringWriter(), new StringWriter(), Cancel);
        using var created = X509CertificateLoader.LoadCertificateFromFile(_dir.File("cert.pem"));
        await using var server = await TanakaServer.StartAsync(new Dictionary<string, string?>
        {
            ["tls:enabled"] = "true",
            ["tls:cert_path"] = _dir.File("cert.pem"),
            ["tls:key_path"] = _dir.File("key.pem"),
        });
        X509Certificate2? served = null;
        // A self-signed certificate is its own trust anchor.
        using var client = server.CreateClient(TestCertificateAuthority.TrustingHandler(created, c => served = c));

        using var response = await client.GetAsync("health", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        served!.Thumbprint.ShouldBe(created.Thumbprint);
    }
}
