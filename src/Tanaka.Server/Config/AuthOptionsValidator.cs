using Microsoft.Extensions.Options;

namespace Tanaka.Server.Config;

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    // 16 characters is a floor against trivially guessable shared tokens; generated tokens are far longer.
    internal const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new SettingErrors(AuthOptions.Section);
        if (options.Token is { } token)
        {
            if (token.Length < MinTokenLength)
            {
                // Never echo the token itself: configuration errors end up in logs.
                errors.Add("token", $"is too short; allowed: at least {MinTokenLength} characters (or leave it unset)");
            }
            else if (token.Any(char.IsWhiteSpace))
            {
                errors.Add("token", "must not contain whitespace");
            }
        }

        errors.Range("max_failed_attempts_per_minute", options.MaxFailedAttemptsPerMinute, 1, 10_000);
        return errors.ToResult();
    }
}
