using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Tanaka.Server.Config;
using Tanaka.Server.Hosting;

namespace Tanaka.Server.Cli;

/// <summary><c>tanaka cert create</c>: a self-signed HTTPS certificate for development or a LAN (see docs/TLS.md).</summary>
public static class CertCommand
{
    public const string CertificateFileName = "cert.pem";
    public const string KeyFileName = "key.pem";

    private static readonly Option<string[]> Hosts = new("--host")
    {
        Description = "A DNS name or IP address clients use to reach the server; repeat for several (default: localhost, 127.0.0.1, ::1 and this computer's name).",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string?> Out = new("--out")
    {
        Description = "Directory for cert.pem and key.pem (default: <data_dir>/tls).",
        HelpName = "dir",
    };

    private static readonly Option<int> Days = new("--days")
    {
        Description = "Validity in days.",
        DefaultValueFactory = _ => 365,
    };

    private static readonly Option<bool> Force = new("--force") { Description = "Overwrite existing files." };

    public static Command Create()
    {
        var create = new Command("create", "Create a self-signed certificate and private key (PEM) for [tls].") { Hosts, Out, Days, Force };
        ServeCommand.AcceptSettings(create);
        create.SetAction(CreateAsync);
        return new Command("cert", "HTTPS certificates.") { create };
    }

    private static async Task<int> CreateAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var days = parseResult.GetValue(Days);
        if (days is < 1 or > 3650)
        {
            await error.WriteLineAsync($"--days: {days} is out of range; allowed: 1 to 3650");
            return ExitCodes.InvalidConfiguration;
        }

        string directory;
        try
        {
            directory = parseResult.GetValue(Out) is { } explicitDirectory
                ? Path.GetFullPath(explicitDirectory)
                : Path.Combine(DataDirectoryOf(parseResult), "tls");
        }
        catch (InvalidConfigurationException e)
        {
            await error.WriteLineAsync(e.Message);
            return ExitCodes.InvalidConfiguration;
        }

        var certPath = Path.Combine(directory, CertificateFileName);
        var keyPath = Path.Combine(directory, KeyFileName);
        if (!parseResult.GetValue(Force) && (File.Exists(certPath) || File.Exists(keyPath)))
        {
            await error.WriteLineAsync($"{certPath} or {keyPath} already exists; pass --force to replace them.");
            return ExitCodes.Failure;
        }

        var hosts = parseResult.GetValue(Hosts) is { Length: > 0 } given ? given : DefaultHosts();
        using var certificate = SelfSignedCertificate.Create(hosts, TimeSpan.FromDays(days));
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            SelfSignedCertificate.WritePem(certificate, certPath, keyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot write the certificate: {e.Message}");
            return ExitCodes.Failure;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            Created a self-signed certificate for: {string.Join(", ", hosts)}
              certificate: {certPath}
              private key: {keyPath} (readable by you only)
              SHA-256 fingerprint: {certificate.GetCertHashString(HashAlgorithmName.SHA256)}
              valid until: {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}

            Serve HTTPS with it by adding to tanaka.toml:
              [tls]
              enabled = true
              cert_path = "{certPath.Replace("\\", "\\\\", StringComparison.Ordinal)}"
              key_path = "{keyPath.Replace("\\", "\\\\", StringComparison.Ordinal)}"
            Browsers do not trust it until you accept or import it; see docs/TLS.md.
            """));
        return ExitCodes.Success;
    }

    private static string DataDirectoryOf(ParseResult parseResult)
    {
        var configuration = TanakaConfiguration.Build(CliHost.Settings(parseResult).Configuration);
        var server = configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        return server.ResolveDataDir();
    }

    private static string[] DefaultHosts() =>
        ["localhost", "127.0.0.1", "::1", .. string.IsNullOrWhiteSpace(Environment.MachineName) ? Array.Empty<string>() : [Environment.MachineName]];
}
