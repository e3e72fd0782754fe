using System.Net;
using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var errors = new SettingErrors(ServerOptions.Section);
        if (!IsListenable(options.Host))
        {
            errors.Add("host", $"'{options.Host}' is not allowed; allowed: an IP address (127.0.0.1, ::1, 0.0.0.0, ::) or localhost");
        }

        errors.Range("port", options.Port, 0, 65535);
        // Kestrel cannot pick one free port for both loopback families behind "localhost".
        if (options.Port == 0 && IsLocalhost(options.Host))
        {
            errors.Add("port", "0 (any free port) is not allowed with server.host = localhost; use 127.0.0.1 or ::1");
        }

        errors.NotBlank("data_dir", options.DataDir, "a directory path");
        errors.Range("request_timeout_seconds", options.RequestTimeoutSeconds, 1, 3600);
        errors.Range("max_request_body_bytes", options.MaxRequestBodyBytes, 1024, 1024L * 1024 * 1024);
        for (var i = 0; i < options.TrustedProxies.Length; i++)
        {
            var proxy = options.TrustedProxies[i];
            if (!IPAddress.TryParse(proxy, out _) && !IPNetwork.TryParse(proxy, out _))
            {
                errors.Add($"trusted_proxies[{i}]", $"'{proxy}' is not allowed; allowed: an IP address (10.0.0.2) or a CIDR network (10.0.0.0/8)");
            }
        }

        return errors.ToResult();
    }

    internal static bool IsLocalhost(string host) => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);

    private static bool IsListenable(string host) =>
        !string.IsNullOrWhiteSpace(host) && (IsLocalhost(host) || IPAddress.TryParse(host, out _));
}
