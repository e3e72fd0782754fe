namespace Tanaka.Server.Config;

/// <summary>Authentication settings (section <c>auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "auth";

    /// <summary>Optional shared token; when set it opens the workspace "default".</summary>
    [ConfigurationKeyName("token")]
    public string? Token { get; set; }

    [ConfigurationKeyName("max_failed_attempts_per_minute")]
    public int MaxFailedAttemptsPerMinute { get; set; } = 20;
}
