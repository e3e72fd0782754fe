using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

internal sealed class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        var errors = new SettingErrors(CacheOptions.Section);
        errors.Range("max_documents", options.MaxDocuments, 0, 10_000_000);
        return errors.ToResult();
    }
}
