using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

internal sealed class ObservabilityOptionsValidator : IValidateOptions<ObservabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ObservabilityOptions options)
    {
        var errors = new SettingErrors(ObservabilityOptions.Section);
        errors.OneOf("log_format", options.LogFormat, ObservabilityOptions.TextLogFormat, ObservabilityOptions.JsonLogFormat);
        errors.OneOf("log_level", options.LogLevel, ObservabilityOptions.LogLevels);
        if (options.OtlpEndpoint is { Length: > 0 } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add("otlp_endpoint", $"'{endpoint}' is not allowed; allowed: an http:// or https:// URL such as http://localhost:4317");
        }

        return errors.ToResult();
    }
}
