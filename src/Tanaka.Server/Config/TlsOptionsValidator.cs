using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

internal sealed class TlsOptionsValidator(IOptions<ServerOptions> server) : IValidateOptions<TlsOptions>
{
    public ValidateOptionsResult Validate(string? name, TlsOptions options)
    {
        var errors = new SettingErrors(TlsOptions.Section);
        if (options.Enabled)
        {
            errors.NotBlank("cert_path", options.CertPath, "the path of a PEM certificate file when tls.enabled = true");
            errors.NotBlank("key_path", options.KeyPath, "the path of a PEM private key file when tls.enabled = true");
        }

        if (options.HttpPort is { } httpPort)
        {
            errors.Range("http_port", httpPort, 0, 65535);
            if (!options.Enabled)
            {
                errors.Add("http_port", "is only allowed when tls.enabled = true (it is the plain-HTTP port next to HTTPS)");
            }
            else if (httpPort != 0 && httpPort == server.Value.Port)
            {
                errors.Add("http_port", $"{httpPort} is already server.port; allowed: a different port");
            }
        }

        if (options.RedirectHttp && options.HttpPort is null)
        {
            errors.Add("redirect_http", "needs tls.http_port (the plain-HTTP port to redirect from)");
        }

        if (options.Hsts && !options.Enabled)
        {
            errors.Add("hsts", "is only allowed when tls.enabled = true");
        }

        return errors.ToResult();
    }
}
