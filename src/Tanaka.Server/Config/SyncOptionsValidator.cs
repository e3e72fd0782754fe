using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

internal sealed class SyncOptionsValidator(IOptions<ServerOptions> server) : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var errors = new SettingErrors(SyncOptions.Section);
        errors.Range("max_update_bytes", options.MaxUpdateBytes, 1024, int.MaxValue);
        if (options.MaxUpdateBytes > server.Value.MaxRequestBodyBytes)
        {
            errors.Add("max_update_bytes", $"{options.MaxUpdateBytes} is larger than server.max_request_body_bytes ({server.Value.MaxRequestBodyBytes}); allowed: at most that");
        }

        errors.Range("max_tabs", options.MaxTabs, 1, 1_000_000);
        errors.Range("max_url_length", options.MaxUrlLength, 16, 1_048_576);
        errors.Range("max_title_length", options.MaxTitleLength, 1, 1_048_576);
        errors.Range("max_id_length", options.MaxIdLength, 1, 4096);
        errors.Range("max_document_bytes", options.MaxDocumentBytes, 1024, 1L << 34);
        errors.Range("rate_limit_requests", options.RateLimitRequests, 1, 1_000_000);
        errors.Range("rate_limit_window_seconds", options.RateLimitWindowSeconds, 1, 86_400);
        for (var i = 0; i < options.AllowedOrigins.Length; i++)
        {
            if (!CorsOrigin.TryNormalize(options.AllowedOrigins[i], out _, out var problem))
            {
                errors.Add($"allowed_origins[{i}]", $"'{options.AllowedOrigins[i]}' {problem}; allowed: an origin like https://example.com or moz-extension://<uuid>");
            }
        }

        return errors.ToResult();
    }
}
