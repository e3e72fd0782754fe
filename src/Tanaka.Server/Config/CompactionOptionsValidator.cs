using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

internal sealed class CompactionOptionsValidator : IValidateOptions<CompactionOptions>
{
    public ValidateOptionsResult Validate(string? name, CompactionOptions options)
    {
        var errors = new SettingErrors(CompactionOptions.Section);
        errors.Range("interval_seconds", options.IntervalSeconds, 1, 86_400 * 7);
        errors.Range("log_threshold", options.LogThreshold, 1, 10_000_000);
        return errors.ToResult();
    }
}
